using CityMgmt.Domain.Exports;

namespace CityMgmt.Infrastructure.Reports.Exports;

/// <summary>One row of "我的导出" and what the progress panel shows.</summary>
public sealed record ExportJobView(
    Guid Id,
    ExportKind Kind,
    string Title,
    string FileName,
    ExportJobState State,
    int Percent,
    long Written,
    long? Total,
    string ProgressText,
    DateTimeOffset RequestedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? ExpiresAt,
    long? FileSize,
    string? Error)
{
    public bool IsActive => State is ExportJobState.Queued or ExportJobState.Running;

    public bool CanDownload => State == ExportJobState.Completed;

    public static ExportJobView From(ExportJob job) => new(
        job.Id, job.Kind, job.Title, job.FileName, job.State, job.Percent, job.Written, job.Total, job.ProgressText,
        job.RequestedAt, job.FinishedAt, job.ExpiresAt, job.FileSize, job.Error);
}

/// <summary>A finished file for the download endpoint: <c>Results.File(Path, ContentType, FileName)</c>.</summary>
public sealed record ExportDownload(string Path, string FileName, string ContentType);

/// <summary>Where files go (outside the web root), how long they stay, how many exports run at once.</summary>
public sealed record ExportJobsSettings(string Folder, TimeSpan Retention, int MaxConcurrent = 2);

public static class ExportContentTypes
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Pdf = "application/pdf";

    public static string For(string fileName) =>
        fileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? Pdf : Xlsx;
}

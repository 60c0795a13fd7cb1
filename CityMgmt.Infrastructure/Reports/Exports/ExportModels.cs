namespace CityMgmt.Infrastructure.Reports.Exports;

public enum ExportState
{
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,
}

/// <summary>What a UI polls: state, percent (0–100) and the phase text, e.g. "正在写入表格".</summary>
/// <param name="FileName">The name offered to the browser, e.g. "月度评价报告-2026年11月.pdf".</param>
/// <param name="Error">User-facing (Chinese) reason when <see cref="ExportState.Failed"/>.</param>
public sealed record ExportStatus(
    Guid Id,
    string Title,
    string FileName,
    ExportState State,
    int Percent,
    string Phase,
    DateTimeOffset RequestedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? ExpiresAt,
    string? Error)
{
    public bool IsFinished => State is ExportState.Completed or ExportState.Failed or ExportState.Cancelled;
}

/// <summary>
/// An export to run in the background. <paramref name="Work"/> writes the file to
/// <see cref="ExportContext.Output"/> and reports progress; it may resolve scoped services from
/// <see cref="ExportContext.Services"/> (its own scope, not the requester's circuit).
/// </summary>
/// <param name="UserId">The requester: only this user sees the status and may download the file.</param>
/// <param name="Title">Shown in the list of exports, e.g. "月度评价报告（PDF）".</param>
/// <param name="FileName">Download name; its extension is kept for the stored file.</param>
public sealed record ExportRequest(string UserId, string Title, string FileName, string ContentType, Func<ExportContext, Task> Work)
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Pdf = "application/pdf";
}

/// <summary>A finished file for the download endpoint: <c>Results.File(Path, ContentType, FileName)</c>.</summary>
public sealed record ExportDownload(string Path, string FileName, string ContentType);

/// <summary>Where files go, how long they stay, how many exports run at once.</summary>
public sealed record ExportJobsSettings(string Folder, TimeSpan Retention, int MaxConcurrent = 2);

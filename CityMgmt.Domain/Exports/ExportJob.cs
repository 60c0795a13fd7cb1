using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Exports;

/// <summary>
/// 导出任务: one background export a user asked for. The row is durable so a restart loses neither the request
/// nor a finished file's record; progress (rows or pages written) is saved as the work goes.
/// Queued → Running → Completed | Failed; Completed → Expired when the file is removed after the retention.
/// </summary>
public sealed class ExportJob : Entity
{
    public const int TitleMaxLength = 128;
    public const int FileNameMaxLength = 160;
    public const int ParameterMaxLength = 200;
    public const int TextMaxLength = 300;
    public const int StoredNameMaxLength = 64;

    /// <summary>Starts allowed: an export interrupted by a restart runs again once, then fails.</summary>
    public const int MaxAttempts = 2;

    private ExportJob()
    {
    }

    private ExportJob(string ownerId, string ownerName, ExportKind kind, string title, string fileName, string parameter, DateTimeOffset now)
    {
        OwnerId = ownerId;
        OwnerName = Cut(ownerName, 64);
        Kind = kind;
        Title = Cut(title, TitleMaxLength);
        FileName = Cut(fileName, FileNameMaxLength);
        Parameter = parameter;
        RequestedAt = now;
        ProgressText = ExportJobState.Queued.DisplayName();
    }

    public string OwnerId { get; private set; } = string.Empty;

    public string OwnerName { get; private set; } = string.Empty;

    public ExportKind Kind { get; private set; }

    /// <summary>Shown in "我的导出", e.g. "案件清单（2026年11月）".</summary>
    public string Title { get; private set; } = string.Empty;

    /// <summary>The download name offered to the browser.</summary>
    public string FileName { get; private set; } = string.Empty;

    /// <summary>What to export, e.g. the evaluation run id.</summary>
    public string Parameter { get; private set; } = string.Empty;

    public ExportJobState State { get; private set; }

    public int Percent { get; private set; }

    /// <summary>Rows (case list) or pages (PDF) written so far.</summary>
    public long Written { get; private set; }

    public long? Total { get; private set; }

    public string ProgressText { get; private set; } = string.Empty;

    /// <summary>The random file name under the exports folder (never the user's name for it).</summary>
    public string? StoredName { get; private set; }

    public long? FileSize { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>Chinese, shown to the user when <see cref="ExportJobState.Failed"/>.</summary>
    public string? Error { get; private set; }

    public int Attempts { get; private set; }

    public bool IsActive => State is ExportJobState.Queued or ExportJobState.Running;

    public static Result<ExportJob> Queue(string ownerId, string ownerName, ExportKind kind, string title, string fileName, string parameter, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(ownerId) || string.IsNullOrWhiteSpace(fileName) || parameter.Length > ParameterMaxLength)
        {
            return Result.Failure<ExportJob>(new Error("Export.Invalid", "导出请求无效"));
        }

        return new ExportJob(ownerId, ownerName, kind, title, fileName, parameter, now);
    }

    public Result Start(string storedName, DateTimeOffset now)
    {
        if (State != ExportJobState.Queued)
        {
            return ExportErrors.WrongState(State, "开始");
        }

        (State, StoredName, StartedAt, Percent, Written, ProgressText) = (ExportJobState.Running, storedName, now, 0, 0, "正在准备");
        Attempts++;
        return Result.Success();
    }

    /// <summary>After a restart a running export starts again from the queue, or fails when it already had its second try.</summary>
    public Result Interrupted(DateTimeOffset now)
    {
        if (State != ExportJobState.Running)
        {
            return ExportErrors.WrongState(State, "重新排队");
        }

        if (Attempts >= MaxAttempts)
        {
            return Fail(ExportErrors.Interrupted.Message, now);
        }

        (State, StoredName, Percent, Written, ProgressText) = (ExportJobState.Queued, null, 0, 0, "系统重启后重新排队");
        return Result.Success();
    }

    /// <summary>Progress while running; the percent stays below 100 until the file is complete.</summary>
    public void Report(long written, long? total, string text)
    {
        if (State != ExportJobState.Running)
        {
            return;
        }

        Written = Math.Max(0, written);
        Total = total;
        Percent = total is > 0 ? (int)Math.Clamp(written * 100 / total.Value, 0, 99) : Percent;
        ProgressText = Cut(text, TextMaxLength);
    }

    public Result Complete(long fileSize, DateTimeOffset now, TimeSpan retention)
    {
        if (State != ExportJobState.Running)
        {
            return ExportErrors.WrongState(State, "完成");
        }

        (State, Percent, FileSize, FinishedAt, ExpiresAt) = (ExportJobState.Completed, 100, fileSize, now, now + retention);
        ProgressText = Total is { } total ? $"已完成，共 {total:N0} {Unit}" : "已完成";
        return Result.Success();
    }

    public Result Fail(string message, DateTimeOffset now)
    {
        if (!IsActive)
        {
            return ExportErrors.WrongState(State, "标记失败");
        }

        (State, FinishedAt, Error, StoredName) = (ExportJobState.Failed, now, Cut(message, TextMaxLength), null);
        ProgressText = ExportJobState.Failed.DisplayName();
        return Result.Success();
    }

    /// <summary>The file is gone after the retention period; only a completed export expires.</summary>
    public Result Expire(DateTimeOffset now)
    {
        if (State != ExportJobState.Completed || ExpiresAt > now)
        {
            return ExportErrors.WrongState(State, "清理");
        }

        (State, StoredName, ProgressText) = (ExportJobState.Expired, null, ExportJobState.Expired.DisplayName());
        return Result.Success();
    }

    public bool IsDownloadable(DateTimeOffset now) => State == ExportJobState.Completed && ExpiresAt > now && StoredName is not null;

    /// <summary>"行" for lists, "页" for the PDF.</summary>
    public string Unit => Kind == ExportKind.EvaluationPdf ? "页" : "行";

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}

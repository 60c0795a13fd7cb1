namespace CityMgmt.Infrastructure.Reports.Exports;

/// <summary>The mutable state of one export; every change and every snapshot happens under its lock.</summary>
internal sealed class ExportJob(Guid id, ExportRequest request, string storedPath, DateTimeOffset requestedAt)
{
    public const string PartSuffix = ".part";

    private readonly Lock gate = new();
    private ExportState state = ExportState.Queued;
    private int percent;
    private string phase = "排队中";
    private DateTimeOffset? finishedAt;
    private DateTimeOffset? expiresAt;
    private string? error;

    public Guid Id { get; } = id;

    public ExportRequest Request { get; } = request;

    public string StoredPath { get; } = storedPath;

    public CancellationTokenSource Cancellation { get; } = new();

    public Task? Task { get; set; }

    public bool IsOwnedBy(string userId) => string.Equals(Request.UserId, userId, StringComparison.Ordinal);

    public void Start()
    {
        lock (gate)
        {
            (state, percent, phase) = (ExportState.Running, 0, "正在准备");
        }
    }

    public void Report(int value, string? newPhase)
    {
        lock (gate)
        {
            if (state == ExportState.Running)
            {
                percent = Math.Clamp(value, 0, 99);
                phase = newPhase ?? phase;
            }
        }
    }

    public void Complete(DateTimeOffset now, DateTimeOffset expires)
    {
        lock (gate)
        {
            (state, percent, phase, finishedAt, expiresAt) = (ExportState.Completed, 100, "已完成", now, expires);
        }
    }

    public void Finish(ExportState final, string finalPhase, DateTimeOffset now, string? error)
    {
        lock (gate)
        {
            (state, phase, finishedAt, this.error) = (final, finalPhase, now, error);
        }
    }

    public ExportStatus Snapshot()
    {
        lock (gate)
        {
            return new ExportStatus(Id, Request.Title, Request.FileName, state, percent, phase, requestedAt, finishedAt, expiresAt, error);
        }
    }
}

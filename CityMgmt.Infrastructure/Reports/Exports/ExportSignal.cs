namespace CityMgmt.Infrastructure.Reports.Exports;

/// <summary>Wakes the worker when an export is queued or finished (it also polls, so a lost wake-up only delays).</summary>
public sealed class ExportSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // already signalled
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);

    public void Dispose() => signal.Dispose();
}

/// <summary>
/// Tells open pages of this server that one of a user's exports changed (queued, progress, done, failed, expired).
/// Subscribers filter by owner; handlers must not block (they re-render through InvokeAsync).
/// </summary>
public sealed class ExportNotifier
{
    public event Action<string, ExportJobView>? Changed;

    public void Publish(string ownerId, ExportJobView view) => Changed?.Invoke(ownerId, view);
}

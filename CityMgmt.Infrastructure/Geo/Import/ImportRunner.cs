using System.Diagnostics;
using CityMgmt.Domain.Common;
using CityMgmt.Infrastructure.Organisation;

namespace CityMgmt.Infrastructure.Geo.Import;

/// <summary>
/// The import of one user's session (scoped: one per Blazor circuit). It runs on the thread pool, so the
/// page may re-render, switch tabs or be left and re-opened while it works; <see cref="Changed"/> fires on
/// progress (at most every 200 ms) and at the end. Disposing the circuit cancels it (nothing is written).
/// </summary>
public sealed class ImportRunner(BaseDataImportService import) : IProgress<ImportProgress>, IDisposable
{
    private readonly Stopwatch _sinceReport = Stopwatch.StartNew();
    private CancellationTokenSource? _cancel;

    public event Action? Changed;

    /// <summary>The configured bounds, for the page to state them.</summary>
    public BaseDataImportOptions Limits => import.Options;

    public ImportRequest? Request { get; private set; }

    public ImportProgress? Progress { get; private set; }

    public Result<ImportReport>? Outcome { get; private set; }

    public bool IsRunning { get; private set; }

    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>Starts the import; <paramref name="request"/>'s stream is disposed when it ends.</summary>
    public Result Start(StaffContext actor, ImportRequest request)
    {
        if (IsRunning)
        {
            return ImportErrors.AlreadyRunning;
        }

        _cancel?.Dispose();
        _cancel = new CancellationTokenSource();
        (Request, Progress, Outcome, IsRunning) = (request, new ImportProgress(ImportPhase.Uploading, 0, 0, 0, 0), null, true);
        var token = _cancel.Token;
        Completion = Task.Run(() => RunAsync(actor, request, token), CancellationToken.None);
        return Result.Success();
    }

    public void Cancel() => _cancel?.Cancel();

    void IProgress<ImportProgress>.Report(ImportProgress value)
    {
        var phaseChanged = Progress?.Phase != value.Phase;
        Progress = value;
        if (phaseChanged || _sinceReport.ElapsedMilliseconds >= 200)
        {
            _sinceReport.Restart();
            Changed?.Invoke();
        }
    }

    public void Dispose()
    {
        _cancel?.Cancel();
        _cancel?.Dispose();
        _cancel = null;
    }

    private async Task RunAsync(StaffContext actor, ImportRequest request, CancellationToken ct)
    {
        try
        {
            Outcome = await import.ImportAsync(actor, request, this, ct);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug or a lost database: the transaction rolled back; say so rather than spin forever.
            Outcome = Result.Failure<ImportReport>(new Error("Import.Failed", $"导入失败，未写入任何数据：{e.Message}"));
        }
        finally
        {
            await request.Content.DisposeAsync();
            IsRunning = false;
            Changed?.Invoke();
        }
    }
}

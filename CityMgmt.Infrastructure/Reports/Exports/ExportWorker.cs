using System.Collections.Concurrent;
using System.Security.Cryptography;
using CityMgmt.Domain.Audit;
using CityMgmt.Domain.Exports;
using CityMgmt.Infrastructure.Evaluation;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CityMgmt.Infrastructure.Reports.Exports;

/// <summary>
/// Runs queued exports from the <c>ExportJobs</c> table: at most <see cref="ExportJobsSettings.MaxConcurrent"/> at a
/// time and one per user, oldest first. Progress is saved to the row (at most every <see cref="SaveEvery"/>) and
/// published live. At start, exports left running by a stopped process are queued again once (then failed).
/// </summary>
public sealed class ExportWorker(
    ExportJobsSettings settings,
    ExportSignal signal,
    ExportNotifier notifier,
    IEnumerable<IExportWriter> writers,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<ExportWorker> logger) : BackgroundService
{
    public static readonly TimeSpan SaveEvery = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<Guid, Task> running = new();
    private readonly SemaphoreSlim claiming = new(1, 1);

    /// <summary>Queues again (or fails) the exports a previous process left running, and removes their partial files.</summary>
    public async Task RecoverAsync(CancellationToken ct = default)
    {
        Directory.CreateDirectory(settings.Folder);
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await NewDbAsync(scope, ct);
        var stale = await db.ExportJobs.Where(j => j.State == ExportJobState.Running).ToListAsync(ct);
        foreach (var job in stale.Where(j => !running.ContainsKey(j.Id)))
        {
            if (job.StoredName is { } name)
            {
                ExportFiles.TryDelete(Path.Combine(settings.Folder, name + ExportFiles.PartSuffix));
            }

            job.Interrupted(clock.GetUtcNow());
            logger.LogWarning("Export {ExportId} was interrupted by a restart; now {State}", job.Id, job.State);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Starts queued exports while slots are free; returns how many were started.</summary>
    public async Task<int> DispatchAsync(CancellationToken ct = default)
    {
        await claiming.WaitAsync(ct);
        try
        {
            var started = 0;
            while (running.Count < Math.Max(1, settings.MaxConcurrent) && await ClaimAsync(ct) is { } job)
            {
                // Registered before it starts, so a quick export cannot remove itself before it was added.
                var work = new Task<Task>(() => RunAsync(job, ct));
                running[job.Id] = work.Unwrap();
                work.Start(TaskScheduler.Default);
                started++;
            }

            return started;
        }
        finally
        {
            claiming.Release();
        }
    }

    /// <summary>Runs everything queued to the end (tests, and nothing else waiting on the worker's loop).</summary>
    public async Task DrainAsync(CancellationToken ct = default)
    {
        while (await DispatchAsync(ct) > 0 || !running.IsEmpty)
        {
            await Task.WhenAll(running.Values);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RecoverAsync(stoppingToken);
        }
        catch (Exception e) when (KeepRunning(e, stoppingToken))
        {
            logger.LogError(e, "Recovering interrupted exports failed; they stay as they are");
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchAsync(stoppingToken);
            }
            catch (Exception e) when (KeepRunning(e, stoppingToken))
            {
                logger.LogError(e, "Dispatching exports failed");
            }

            await signal.WaitAsync(Poll, stoppingToken);
        }
    }

    /// <summary>
    /// Any error but stopping is logged and retried at the next poll (a database error, once SQLitePCL's
    /// ArgumentOutOfRangeException under load): escaping <see cref="ExecuteAsync"/> it would stop the whole host
    /// (BackgroundServiceExceptionBehavior.StopHost).
    /// </summary>
    private static bool KeepRunning(Exception e, CancellationToken stoppingToken) =>
        e is not OperationCanceledException || !stoppingToken.IsCancellationRequested;

    private static Task<CityDbContext> NewDbAsync(AsyncServiceScope scope, CancellationToken ct) =>
        scope.ServiceProvider.GetRequiredService<IDbContextFactory<CityDbContext>>().CreateDbContextAsync(ct);

    private async Task<ExportJob?> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await NewDbAsync(scope, ct);
        var busy = await db.ExportJobs.Where(j => j.State == ExportJobState.Running).Select(j => j.OwnerId).ToListAsync(ct);
        var job = await db.ExportJobs.Where(j => j.State == ExportJobState.Queued && !busy.Contains(j.OwnerId))
            .OrderBy(j => j.RequestedAt).FirstOrDefaultAsync(ct);
        if (job is null)
        {
            return null;
        }

        var extension = job.FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? ".pdf" : ".xlsx";
        job.Start(RandomNumberGenerator.GetHexString(32, lowercase: true) + extension, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        notifier.Publish(job.OwnerId, ExportJobView.From(job));
        return job;
    }

    private async Task RunAsync(ExportJob claimed, CancellationToken ct)
    {
        var final = Path.Combine(settings.Folder, claimed.StoredName!);
        var partial = final + ExportFiles.PartSuffix;
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await NewDbAsync(scope, CancellationToken.None);
        var job = await db.ExportJobs.SingleAsync(j => j.Id == claimed.Id, CancellationToken.None);
        var progress = new ProgressSaver(db, job, notifier, clock);
        try
        {
            await WriteFileAsync(scope.ServiceProvider, job, partial, progress, ct);
            File.Move(partial, final, overwrite: true);
            progress.Finish(j => j.Complete(new FileInfo(final).Length, clock.GetUtcNow(), settings.Retention));
            Audit(db, job, "导出完成", $"{job.ProgressText}，{job.FileSize:N0} 字节");
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogInformation("Export {ExportId} ({Kind}) completed: {Bytes} bytes", job.Id, job.Kind, job.FileSize);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            ExportFiles.TryDelete(partial);
            progress.Finish(j => j.Interrupted(clock.GetUtcNow()));
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogInformation("Export {ExportId} stopped with the application; state {State}", job.Id, job.State);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            ExportFiles.TryDelete(partial);
            var message = e is ExportFailedException or ReportFontNotFoundException ? e.Message : ExportErrors.Failed.Message;
            db.ChangeTracker.Clear();
            db.Attach(job);
            progress.Finish(j => j.Fail(message, clock.GetUtcNow()));
            Audit(db, job, "导出失败", message);
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogError(e, "Export {ExportId} ({Kind}) failed", job.Id, job.Kind);
        }
        finally
        {
            running.TryRemove(job.Id, out _);
            notifier.Publish(job.OwnerId, ExportJobView.From(job));
            signal.Wake();
        }
    }

    /// <summary>Re-reads the owner's roles (they may have changed since the request) and writes the file.</summary>
    private async Task WriteFileAsync(IServiceProvider services, ExportJob job, string partial, ProgressSaver progress, CancellationToken ct)
    {
        var owner = await services.GetRequiredService<UserDirectory>().LoadAsync(job.OwnerId, ct);
        if (owner is null || !EvaluationAccess.CanExport(owner))
        {
            throw new ExportFailedException("导出未执行：您的账号已无导出权限（仅领导和值班长可以导出）。");
        }

        var writer = writers.FirstOrDefault(w => w.Kind == job.Kind) ?? throw new InvalidOperationException($"No writer for {job.Kind}.");
        await using var output = new FileStream(partial, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true);
        await writer.WriteAsync(new ExportContext(job, owner, output, services, progress.Report, ct));
        await output.FlushAsync(ct);
    }

    private void Audit(CityDbContext db, ExportJob job, string action, string detail) =>
        db.AdminAudit.Add(new AdminAuditEntry(clock.GetUtcNow(), job.OwnerId, job.OwnerName, action, job.Title, detail));
}

/// <summary>An export that cannot be made, with the Chinese reason shown to the user.</summary>
public sealed class ExportFailedException(string message) : Exception(message);

using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityMgmt.Infrastructure.Reports.Exports;

/// <summary>
/// Runs long exports in the background (singleton). Each export writes a file with a random name under
/// the exports folder; its status can be polled, only the requester can see or download it, it can be
/// cancelled, and finished files are deleted after <see cref="ExportJobsSettings.Retention"/>.
/// The registry lives in memory: after a restart old files are swept as orphans.
/// </summary>
public sealed class ExportJobs : IDisposable
{
    private readonly ConcurrentDictionary<Guid, ExportJob> jobs = new();
    private readonly SemaphoreSlim slots;
    private readonly ExportJobsSettings settings;
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider time;
    private readonly ILogger<ExportJobs> logger;

    public ExportJobs(ExportJobsSettings settings, IServiceScopeFactory scopes, TimeProvider time, ILogger<ExportJobs> logger)
    {
        this.settings = settings;
        this.scopes = scopes;
        this.time = time;
        this.logger = logger;
        slots = new SemaphoreSlim(Math.Max(1, settings.MaxConcurrent));
        Directory.CreateDirectory(settings.Folder);
    }

    public string Folder => settings.Folder;

    /// <summary>Queues the export and returns at once; the work runs on the thread pool.</summary>
    public ExportStatus Start(ExportRequest request)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.UserId);
        var extension = new string(Path.GetExtension(request.FileName).Where(c => char.IsAsciiLetterOrDigit(c) || c == '.').ToArray());
        var stored = Path.Combine(settings.Folder, RandomNumberGenerator.GetHexString(32, lowercase: true) + extension);
        var job = new ExportJob(Guid.NewGuid(), request, stored, time.GetUtcNow());
        jobs[job.Id] = job;
        job.Task = Task.Run(() => RunAsync(job));
        logger.LogInformation("Export {ExportId} ({Title}) queued for {UserId}", job.Id, request.Title, request.UserId);
        return job.Snapshot();
    }

    /// <summary>The status, or null when there is no such export for this user (others' exports are invisible).</summary>
    public ExportStatus? Get(Guid id, string userId) => Find(id, userId)?.Snapshot();

    public IReadOnlyList<ExportStatus> ListFor(string userId) =>
        jobs.Values.Where(j => j.IsOwnedBy(userId)).Select(j => j.Snapshot()).OrderByDescending(s => s.RequestedAt).ToList();

    /// <summary>Asks a queued or running export to stop; false when unknown to this user or already finished.</summary>
    public bool Cancel(Guid id, string userId)
    {
        var job = Find(id, userId);
        if (job is null || job.Snapshot().IsFinished)
        {
            return false;
        }

        job.Cancellation.Cancel();
        return true;
    }

    /// <summary>The file of a completed, unexpired export of this user; null otherwise.</summary>
    public ExportDownload? GetDownload(Guid id, string userId)
    {
        var job = Find(id, userId);
        var status = job?.Snapshot();
        if (job is null || status is not { State: ExportState.Completed, ExpiresAt: { } expires } || expires <= time.GetUtcNow() || !File.Exists(job.StoredPath))
        {
            return null;
        }

        return new ExportDownload(job.StoredPath, job.Request.FileName, job.Request.ContentType);
    }

    /// <summary>Waits until the export has finished (for callers that cannot poll, and tests).</summary>
    public async Task<ExportStatus?> WaitAsync(Guid id, string userId, CancellationToken cancellationToken = default)
    {
        var job = Find(id, userId);
        if (job?.Task is null)
        {
            return null;
        }

        await job.Task.WaitAsync(cancellationToken);
        return job.Snapshot();
    }

    /// <summary>
    /// Forgets exports finished longer than the retention ago and deletes their files; also deletes files in
    /// the folder that no export knows (left by a previous run) once they are older than the retention.
    /// </summary>
    public int RemoveExpired()
    {
        var now = time.GetUtcNow();
        var removed = 0;
        foreach (var job in jobs.Values)
        {
            if (job.Snapshot().FinishedAt is { } finished && finished + settings.Retention <= now && jobs.TryRemove(job.Id, out _))
            {
                Delete(job.StoredPath);
                removed++;
            }
        }

        var known = jobs.Values.Select(j => Path.GetFileName(j.StoredPath)).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(settings.Folder))
        {
            var name = Path.GetFileName(file);
            var owner = name.EndsWith(ExportJob.PartSuffix, StringComparison.Ordinal) ? name[..^ExportJob.PartSuffix.Length] : name;
            if (!known.Contains(owner) && File.GetLastWriteTimeUtc(file) + settings.Retention <= now.UtcDateTime)
            {
                Delete(file);
                removed++;
            }
        }

        return removed;
    }

    public void Dispose()
    {
        foreach (var job in jobs.Values)
        {
            job.Cancellation.Cancel();
        }
    }

    private ExportJob? Find(Guid id, string userId) =>
        jobs.TryGetValue(id, out var job) && job.IsOwnedBy(userId) ? job : null;

    private async Task RunAsync(ExportJob job)
    {
        var token = job.Cancellation.Token;
        var partial = job.StoredPath + ExportJob.PartSuffix;
        try
        {
            await slots.WaitAsync(token);
            try
            {
                job.Start();
                await using (var scope = scopes.CreateAsyncScope())
                await using (var output = new FileStream(partial, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true))
                {
                    await job.Request.Work(new ExportContext(output, scope.ServiceProvider, job.Report, token));
                }

                token.ThrowIfCancellationRequested();
                File.Move(partial, job.StoredPath);
                var now = time.GetUtcNow();
                job.Complete(now, now + settings.Retention);
                logger.LogInformation("Export {ExportId} completed", job.Id);
            }
            finally
            {
                slots.Release();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            Delete(partial);
            job.Finish(ExportState.Cancelled, "已取消", time.GetUtcNow(), error: null);
            logger.LogInformation("Export {ExportId} cancelled", job.Id);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Delete(partial);
            // Font problems tell the administrator what to install; other details stay in the log.
            var message = e is ReportFontNotFoundException ? e.Message : "导出失败，请稍后重试或联系系统管理员。";
            job.Finish(ExportState.Failed, "失败", time.GetUtcNow(), message);
            logger.LogError(e, "Export {ExportId} ({Title}) failed", job.Id, job.Request.Title);
        }
    }

    private void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not delete export file {Path}", path);
        }
        catch (UnauthorizedAccessException e)
        {
            logger.LogWarning(e, "Could not delete export file {Path}", path);
        }
    }
}

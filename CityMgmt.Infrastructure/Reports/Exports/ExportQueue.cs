using CityMgmt.Domain.Audit;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Exports;
using CityMgmt.Infrastructure.Evaluation;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Reports.Exports;

/// <summary>
/// What users do with background exports: ask for one (领导 and 值班长, one at a time each), list their own
/// ("我的导出"), and download a finished file while it is kept and their role still allows it. Every request
/// and download is written to the administration audit log. <see cref="ExportWorker"/> does the work.
/// </summary>
public sealed class ExportQueue(
    IDbContextFactory<CityDbContext> factory, ExportJobsSettings settings, ExportSignal signal, ExportNotifier notifier, TimeProvider clock)
{
    public const int ListSize = 50;

    public async Task<Result<ExportJobView>> StartAsync(StaffContext who, ExportKind kind, Guid runId, CancellationToken ct = default)
    {
        if (!EvaluationAccess.CanExport(who))
        {
            return StaffContext.Forbidden;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var label = await db.EvaluationRuns.AsNoTracking().Where(r => r.Id == runId).Select(r => r.PeriodLabel).FirstOrDefaultAsync(ct);
        if (label is null)
        {
            return EvaluationQueries.RunNotFound;
        }

        if (await db.ExportJobs.AnyAsync(j => j.OwnerId == who.UserId && (j.State == ExportJobState.Queued || j.State == ExportJobState.Running), ct))
        {
            return ExportErrors.AlreadyRunning;
        }

        var (title, file) = Names(kind, label);
        var queued = ExportJob.Queue(who.UserId, who.DisplayName, kind, title, file, runId.ToString(), clock.GetUtcNow());
        if (queued.IsFailure)
        {
            return queued.Error;
        }

        db.ExportJobs.Add(queued.Value);
        db.AdminAudit.Add(new AdminAuditEntry(clock.GetUtcNow(), who.UserId, who.DisplayName, "申请导出", title, $"{kind.DisplayName()}，任务 {queued.Value.Id}"));
        await db.SaveChangesAsync(ct);
        var view = ExportJobView.From(queued.Value);
        notifier.Publish(who.UserId, view);
        signal.Wake();
        return view;
    }

    /// <summary>The caller's own exports, newest first (others' exports are never listed).</summary>
    public async Task<Result<IReadOnlyList<ExportJobView>>> MineAsync(StaffContext who, CancellationToken ct = default)
    {
        if (!EvaluationAccess.CanExport(who))
        {
            return StaffContext.Forbidden;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var jobs = await db.ExportJobs.AsNoTracking().Where(j => j.OwnerId == who.UserId)
            .OrderByDescending(j => j.RequestedAt).Take(ListSize).ToListAsync(ct);
        return jobs.Select(ExportJobView.From).ToList();
    }

    /// <summary>
    /// The file of a completed export for its owner while the role allows exports and the retention lasts.
    /// Someone else's export answers <see cref="ExportErrors.NotFound"/>, as an unknown id does.
    /// </summary>
    public async Task<Result<ExportDownload>> DownloadAsync(StaffContext who, Guid id, CancellationToken ct = default)
    {
        if (!EvaluationAccess.CanExport(who))
        {
            return StaffContext.Forbidden;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var job = await db.ExportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.OwnerId == who.UserId, ct);
        if (job is null)
        {
            return ExportErrors.NotFound;
        }

        var now = clock.GetUtcNow();
        if (!job.IsDownloadable(now))
        {
            return job.State switch
            {
                ExportJobState.Queued or ExportJobState.Running => ExportErrors.NotReady,
                ExportJobState.Failed => new Error(ExportErrors.Failed.Code, job.Error ?? ExportErrors.Failed.Message),
                _ => ExportErrors.Expired,
            };
        }

        var path = Path.Combine(settings.Folder, job.StoredName!);
        if (!File.Exists(path))
        {
            return ExportErrors.Expired;
        }

        db.AdminAudit.Add(new AdminAuditEntry(now, who.UserId, who.DisplayName, "下载导出文件", job.Title, $"任务 {job.Id}"));
        await db.SaveChangesAsync(ct);
        return new ExportDownload(path, job.FileName, ExportContentTypes.For(job.FileName));
    }

    /// <summary>
    /// Marks completed exports past their retention as expired and deletes their files, then deletes files in the
    /// folder that no current export owns (left by a crash) once they are older than the retention.
    /// </summary>
    public async Task<int> RemoveExpiredAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        var expired = await db.ExportJobs.Where(j => j.State == ExportJobState.Completed && j.ExpiresAt <= now).ToListAsync(ct);
        var removed = 0;
        foreach (var job in expired)
        {
            var path = Path.Combine(settings.Folder, job.StoredName!);
            if (job.Expire(now).IsSuccess && ExportFiles.TryDelete(path))
            {
                removed++;
            }
        }

        await db.SaveChangesAsync(ct);
        foreach (var job in expired)
        {
            notifier.Publish(job.OwnerId, ExportJobView.From(job));
        }

        var kept = (await db.ExportJobs.AsNoTracking().Where(j => j.StoredName != null).Select(j => j.StoredName!).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(settings.Folder))
        {
            var owner = ExportFiles.OwnerName(Path.GetFileName(file));
            if (!kept.Contains(owner) && File.GetLastWriteTimeUtc(file) + settings.Retention <= now.UtcDateTime && ExportFiles.TryDelete(file))
            {
                removed++;
            }
        }

        return removed;
    }

    private static (string Title, string FileName) Names(ExportKind kind, string period) => kind switch
    {
        ExportKind.CaseList => ($"案件清单（{period}）", $"案件清单-{period}.xlsx"),
        ExportKind.EvaluationExcel => ($"评价报告 Excel（{period}）", $"{EvaluationReportBuilder.Title}-{period}.xlsx"),
        _ => ($"评价报告 PDF（{period}）", $"{EvaluationReportBuilder.Title}-{period}.pdf"),
    };
}

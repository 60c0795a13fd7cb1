using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Persistence.Providers;
using CityMgmt.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityMgmt.Infrastructure.Cases;

/// <summary>Creates cases: number, aggregate, its first history line and its workflow instance in one transaction.</summary>
public sealed class CaseReportingService(
    IDbContextFactory<CityDbContext> factory,
    Workflows.WorkflowRuntime workflows,
    TimeProvider clock,
    IOptions<DatabaseOptions> database,
    ILogger<CaseReportingService> logger)
{
    private const int MaxAttempts = 5;

    public static readonly Error Busy = new("Case.Busy", "系统繁忙，案件编号分配冲突，请重试");

    /// <param name="photos">Photos already checked and stored by <see cref="AttachmentStore"/>; recorded with the case in the same transaction.</param>
    /// <param name="clientKey">A phone's idempotency key: a report sent again with the same key returns the first case's number.</param>
    public async Task<Result<CaseNumber>> ReportAsync(
        StaffContext who, NewCaseReport report, IReadOnlyList<StoredFile>? photos = null, Guid? clientKey = null, CancellationToken ct = default)
    {
        var allowed = who.Require(StaffRole.Supervisor, StaffRole.Operator, StaffRole.ShiftLeader);
        if (allowed.IsFailure)
        {
            return allowed.Error;
        }

        if (report.Source is CaseSource.SupervisorReport or CaseSource.SelfHandled && !who.IsInRole(StaffRole.Supervisor))
        {
            return new Error("Case.SourceRole", "只有监督员可以上报“监督员上报”或“自行处置”来源的案件");
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var db = factory.CreateDbContext();
            // On SQLite the rows are read and written with prepared statements outside EF's change tracker (ADR 0017).
            var reported = db is SqliteCityDbContext && database.Value.PreparedWorkflowSteps
                ? await db.InSqliteTransactionAsync((step, token) => ReportOnceAsync(step, who, report, photos, clientKey, new DetachedRows([]), token), ct)
                : await db.InTransactionAsync(token => ReportOnceAsync(db, who, report, photos, clientKey, null, token), ct);
            if (reported.IsSuccess || reported.Error != Busy || attempt == MaxAttempts)
            {
                return reported;
            }

            logger.LogInformation("A case number collided; retrying (attempt {Attempt})", attempt);

            // Reporters who collided retry at slightly different moments instead of colliding again.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * attempt), ct);
        }
    }

    /// <summary>One attempt inside one transaction: a number taken by someone else in the meantime returns <see cref="Busy"/>.</summary>
    private async Task<Result<CaseNumber>> ReportOnceAsync(
        CityDbContext db, StaffContext who, NewCaseReport report, IReadOnlyList<StoredFile>? photos, Guid? clientKey, DetachedRows? detached, CancellationToken ct)
    {
        if (clientKey is { } key && await ReceivedAsync(db, who, key, ct) is { } earlier)
        {
            return earlier;
        }

        var category = detached is null
            ? await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == report.CategoryId, ct)
            : StepRowReader.ReadWhere<Category>(db, nameof(Category.Id), report.CategoryId).Select(r => (Category)r.Entity).SingleOrDefault();
        if (category is null)
        {
            return CaseErrors.CategoryNotMinor;
        }

        var now = clock.GetUtcNow();
        var number = await CaseNumberAllocator.NextAsync(db, now, detached, ct);
        var created = CityCase.Report(report, number.Value, category, who.ToActor(), now);
        if (created.IsFailure)
        {
            return created.Error;
        }

        foreach (var photo in photos ?? [])
        {
            var attached = created.Value.AddAttachment(who.ToActor(), now, AttachmentStage.Report, photo.FileName, photo.ContentHash, photo.ContentType, photo.SizeBytes);
            if (attached.IsFailure)
            {
                return attached.Error;
            }
        }

        DetachedRows.Add(db, detached, created.Value);
        if (clientKey is { } receiptKey)
        {
            DetachedRows.Add(db, detached, ReportReceipt.Create(who.UserId, receiptKey, created.Value.Id, now));
        }

        // The case starts on the newest published workflow in the same transaction: no case without its route.
        var started = await workflows.StartAsync(db, created.Value, category, now, detached, ct);
        if (started.IsFailure)
        {
            return started.Error;
        }

        // The rows are written with prepared statements instead of SaveChanges (ADR 0015); a unique index or the
        // counter's version refusing a row returns Busy, and the caller tries the whole report again.
        var saved = await StepRowWriter.SaveAsync(db, now, Busy, ct, detached);
        return saved.IsSuccess ? created.Value.Number : saved.Error;
    }

    private static async Task<CaseNumber?> ReceivedAsync(CityDbContext db, StaffContext who, Guid key, CancellationToken ct) =>
        await (from r in db.ReportReceipts
               join c in db.Cases on r.CaseId equals c.Id
               where r.UserId == who.UserId && r.ClientKey == key
               select (CaseNumber?)c.Number).FirstOrDefaultAsync(ct);
}

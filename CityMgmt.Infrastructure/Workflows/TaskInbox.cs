using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Workflows.Model;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CityMgmt.Infrastructure.Workflows;

public sealed record TaskRow(
    Guid Id, Guid CaseId, string CaseNumber, string TaskName, StandardStage? Stage, string CategoryName, string Address,
    DateTimeOffset OpenedAt, DateTimeOffset? DueAt, IReadOnlyList<string> Outcomes, string? ClaimedBy, CaseStatus CaseStatus);

public sealed record DoneRow(Guid Id, Guid CaseId, string CaseNumber, string TaskName, string? Outcome, DateTimeOffset? ClosedAt);

/// <summary>
/// 待办/已办 for the signed-in user: open tasks of their roles within their scope; claim and release group
/// tasks; complete with an outcome. Completion and the case transition commit together or not at all.
/// </summary>
public sealed class TaskInbox(IDbContextFactory<CityDbContext> factory, WorkflowRuntime runtime, TimeProvider clock, IOptions<DatabaseOptions> database)
{
    public async Task<IReadOnlyList<TaskRow>> OpenAsync(StaffContext who, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var rows = await (from t in db.WorkflowTasks.AsNoTracking().ActionableBy(who)
                          join c in db.Cases on t.CaseId equals c.Id
                          join cat in db.Categories on c.CategoryId equals cat.Id
                          orderby t.DueAt == null, t.DueAt, t.OpenedAt
                          select new { t, c.Number, Category = cat.Name, c.Address, c.Status })
            .Take(500).ToListAsync(ct);
        return rows.Select(r => new TaskRow(r.t.Id, r.t.CaseId, r.Number.Value, r.t.Name, r.t.Stage, r.Category, r.Address, r.t.OpenedAt, r.t.DueAt, r.t.OutcomeList, r.t.ClaimedBy, r.Status)).ToList();
    }

    public async Task<IReadOnlyList<DoneRow>> DoneAsync(StaffContext who, int take = 100, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var rows = await (from t in db.WorkflowTasks.AsNoTracking()
                          join c in db.Cases on t.CaseId equals c.Id
                          where t.ClosedBy == who.UserId
                          orderby t.ClosedAt descending
                          select new { t.Id, t.CaseId, c.Number, t.Name, t.Outcome, t.ClosedAt })
            .Take(take).ToListAsync(ct);
        return rows.Select(r => new DoneRow(r.Id, r.CaseId, r.Number.Value, r.Name, r.Outcome, r.ClosedAt)).ToList();
    }

    /// <summary>Open tasks of a case that this user may act on (for the case page's buttons).</summary>
    public async Task<IReadOnlyList<WorkflowTask>> ForCaseAsync(StaffContext who, Guid caseId, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.WorkflowTasks.AsNoTracking().ActionableBy(who).Where(t => t.CaseId == caseId).ToListAsync(ct);
    }

    public Task<Result> ClaimAsync(StaffContext who, Guid taskId, CancellationToken ct = default) =>
        ChangeAsync(who, taskId, task => task.Claim(who.UserId, clock.GetUtcNow()), ct);

    public Task<Result> ReleaseAsync(StaffContext who, Guid taskId, CancellationToken ct = default) =>
        ChangeAsync(who, taskId, task => task.Release(who.UserId), ct);

    public async Task<Result> CompleteAsync(StaffContext who, Guid taskId, string? outcome, TaskForm form, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();

        // One transaction for the reads and the writes: completion and the case transition commit together or not at all.
        return db is SqliteCityDbContext && database.Value.PreparedWorkflowSteps
            ? await db.InSqliteTransactionAsync((step, token) => CompleteDetachedAsync(step, who, taskId, outcome, form, token), ct)
            : await db.InTransactionAsync(token => CompleteTrackedAsync(db, who, taskId, outcome, form, token), ct);
    }

    /// <summary>SQLite: the rows are read and written with prepared statements, outside the change tracker (ADR 0017).</summary>
    private async Task<Result> CompleteDetachedAsync(CityDbContext db, StaffContext who, Guid taskId, string? outcome, TaskForm form, CancellationToken ct)
    {
        var read = StepRowReader.ReadCompletion(db, taskId);
        if (read is null || !TaskScopeResolver.IsActionableBy(read.Task, who))
        {
            return read is not null && read.Task.Status != WorkflowTaskStatus.Open ? RuntimeErrors.TaskClosed : RuntimeErrors.TaskNotFound;
        }

        var detached = new DetachedRows(read.Rows);
        var done = await runtime.CompleteAsync(db, read.Task, read.Instance, read.Case, read.Category, outcome, form, who.ToActor(), clock.GetUtcNow(), detached, ct);
        return done.IsFailure ? done : await StepRowWriter.SaveAsync(db, clock.GetUtcNow(), RuntimeErrors.Conflict, ct, detached);
    }

    private async Task<Result> CompleteTrackedAsync(CityDbContext db, StaffContext who, Guid taskId, string? outcome, TaskForm form, CancellationToken ct)
    {
        // The task with its instance, case and category in one read; the runtime finds them in the unit of work.
        var task = await (from t in db.WorkflowTasks.ActionableBy(who)
                          where t.Id == taskId
                          join i in db.WorkflowInstances on t.InstanceId equals i.Id
                          join c in db.Cases on t.CaseId equals c.Id
                          join cat in db.Categories on c.CategoryId equals cat.Id
                          select new { t, i, c, cat }).FirstOrDefaultAsync(ct) is { } row ? row.t : null;
        if (task is null)
        {
            return await db.WorkflowTasks.AnyAsync(t => t.Id == taskId && t.Status != WorkflowTaskStatus.Open, ct)
                ? RuntimeErrors.TaskClosed
                : RuntimeErrors.TaskNotFound;
        }

        var done = await runtime.CompleteAsync(db, task, outcome, form, who.ToActor(), clock.GetUtcNow(), ct);

        // The step's rows are written with prepared statements instead of SaveChanges (ADR 0015).
        return done.IsFailure ? done : await StepRowWriter.SaveAsync(db, clock.GetUtcNow(), RuntimeErrors.Conflict, ct);
    }

    private async Task<Result> ChangeAsync(StaffContext who, Guid taskId, Func<WorkflowTask, Result> change, CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        var task = await db.WorkflowTasks.Where(t => t.Role != null && who.Roles.Contains(t.Role)).FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null || !(await db.WorkflowTasks.ActionableBy(who).AnyAsync(t => t.Id == taskId, ct) || task.ClaimedBy is not null))
        {
            return RuntimeErrors.TaskNotFound;
        }

        var changed = change(task);
        return changed.IsFailure ? changed : await db.TrySaveAsync(RuntimeErrors.Conflict, null, ct);
    }
}

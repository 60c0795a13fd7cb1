using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Workflows.Execution;
using CityMgmt.Domain.Workflows.Model;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Calendar;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Workflows;

/// <summary>
/// Runs cases through their workflow: every step's events become task/timer rows, case transitions and
/// history lines in the caller's unit of work, so one SaveChanges commits all of it or none.
/// </summary>
public sealed partial class WorkflowRuntime(WorkflowCatalog catalog, CalendarProvider calendars)
{
    /// <summary>Starts the case on the newest published standard workflow (same transaction as the report).</summary>
    public Task<Result<WorkflowInstance>> StartAsync(CityDbContext db, CityCase item, Category category, DateTimeOffset now, CancellationToken ct) =>
        StartAsync(db, item, category, now, null, ct);

    /// <summary>As above; with <paramref name="detached"/> (SQLite, ADR 0017) the new rows go there instead of to EF's change tracker.</summary>
    internal async Task<Result<WorkflowInstance>> StartAsync(CityDbContext db, CityCase item, Category category, DateTimeOffset now, DetachedRows? detached, CancellationToken ct)
    {
        var published = await catalog.LatestPublishedAsync(db, WorkflowCatalog.StandardKey, ct, prepared: detached is not null);
        if (published.IsFailure)
        {
            return published.Error;
        }

        var (definition, engine) = published.Value;

        var instance = new WorkflowInstance(item.Id, definition.Id, definition.Key, definition.VersionNumber, string.Empty, now);
        var context = await ContextAsync(instance, now, category, ct);
        var step = engine.Start(Variables(item, category), context);
        if (step.IsFailure)
        {
            return step.Error;
        }

        DetachedRows.Add(db, detached, instance);
        var applied = await ApplyAsync(db, instance, item, category, engine, step.Value, null, now, StepRows.ForNewInstance(detached), ct);
        return applied.IsFailure ? applied.Error : instance;
    }

    /// <summary>Completes a task: the case transition for its stage and outcome, then the workflow routes on.</summary>
    public async Task<Result> CompleteAsync(CityDbContext db, WorkflowTask task, string? outcome, TaskForm form, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var (instance, item, category) = await LoadAsync(db, task.InstanceId, task.CaseId, ct);
        return await CompleteAsync(db, task, instance, item, category, outcome, form, actor, now, StepRows.Holding(task), ct);
    }

    /// <summary>
    /// Completes a task read with its instance, case and category outside the change tracker (ADR 0017): the step's
    /// new rows and the timers it reads go to <paramref name="detached"/>, for <see cref="StepRowWriter"/>.
    /// </summary>
    internal Task<Result> CompleteAsync(
        CityDbContext db, WorkflowTask task, WorkflowInstance instance, CityCase item, Category category, string? outcome, TaskForm form, Actor actor, DateTimeOffset now, DetachedRows detached, CancellationToken ct) =>
        CompleteAsync(db, task, instance, item, category, outcome, form, actor, now, StepRows.Holding(task, detached), ct);

    private async Task<Result> CompleteAsync(
        CityDbContext db, WorkflowTask task, WorkflowInstance instance, CityCase item, Category category, string? outcome, TaskForm form, Actor actor, DateTimeOffset now, StepRows rows, CancellationToken ct)
    {
        var context = await ContextAsync(instance, now, category, ct);
        var engine = await catalog.EngineForAsync(db, instance.DefinitionId, ct);
        var formData = new Dictionary<string, object?> { ["comment"] = form.Comment };
        var step = engine.CompleteTask(InstanceStateJson.Deserialize(instance.StateJson), task.TaskKey, outcome, formData, context);
        if (step.IsFailure)
        {
            return step.Error;
        }

        var nextDue = step.Value.Events.OfType<TaskOpened>().Select(o => o.DueAt).Where(d => d is not null).Min();
        var transition = CaseStepBridge.Apply(item, task, outcome, form, actor, now, nextDue, context.Calendar, category.DisposalLimit);
        if (transition.IsFailure)
        {
            return transition;
        }

        return await ApplyAsync(db, instance, item, category, engine, step.Value, actor, now, rows, ct);
    }

    /// <summary>Fires one due timer; a timer already fired or cancelled is refused by the engine and skipped.</summary>
    public async Task<Result> FireAsync(CityDbContext db, WorkflowTimer timer, DateTimeOffset now, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.SingleAsync(i => i.Id == timer.InstanceId, ct);
        var (_, item, category) = await LoadAsync(db, instance.Id, instance.CaseId, ct);
        var context = await ContextAsync(instance, now, category, ct);
        var engine = await catalog.EngineForAsync(db, instance.DefinitionId, ct);
        var state = InstanceStateJson.Deserialize(instance.StateJson);
        var step = engine.FireTimer(state, timer.TimerKey, context);
        if (step.IsFailure)
        {
            // Gone from the instance (its task closed, a migration dropped it): the row will never fire.
            // Otherwise (e.g. not yet due by the engine's reckoning) it stays scheduled for a later sweep.
            if (state.Completed || state.FindTimer(timer.TimerKey) is null)
            {
                timer.Cancel();
            }

            return step.Error;
        }

        timer.MarkFired(now);
        return await ApplyAsync(db, instance, item, category, engine, step.Value, Actor.System, now, StepRows.ForSavedInstance(), ct);
    }

    private async Task<EngineContext> ContextAsync(WorkflowInstance instance, DateTimeOffset now, Category category, CancellationToken ct) =>
        new(now, await calendars.GetAsync(ct), instance.NextId) { CategoryLimit = category.DisposalLimit };

    /// <summary>
    /// The instance, case and category of a step. FindAsync answers from the unit of work when the caller has
    /// already loaded them (TaskInbox loads all four rows in one query), so a step reads nothing twice.
    /// </summary>
    private static async Task<(WorkflowInstance, CityCase, Category)> LoadAsync(CityDbContext db, Guid instanceId, Guid caseId, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.FindAsync([instanceId], ct) ?? throw new InvalidOperationException($"Workflow instance {instanceId} is missing.");
        var item = await db.Cases.FindAsync([caseId], ct) ?? throw new InvalidOperationException($"Case {caseId} is missing.");
        var category = await db.Categories.FindAsync([item.CategoryId], ct) ?? throw new InvalidOperationException($"Category {item.CategoryId} is missing.");
        return (instance, item, category);
    }

    internal static Dictionary<string, object?> Variables(CityCase item, Category category) => new()
    {
        [WorkflowVariables.Source] = item.Source.ToString(),
        [WorkflowVariables.CategoryKind] = category.Kind.ToString(),
        [WorkflowVariables.CategoryMajor] = category.MajorCode,
        [WorkflowVariables.CategoryCode] = category.FullCode,
        [WorkflowVariables.NeedsVerification] = item.Source.NeedsVerification(),
        [WorkflowVariables.IsUrgent] = category.DisposalLimit?.Unit == Domain.Calendar.TimeLimitUnit.UrgentHours,
    };
}

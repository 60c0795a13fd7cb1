using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Workflows.Model;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Persistence;

namespace CityMgmt.Infrastructure.Workflows;

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Puts a case that already has a history (demo data, or cases from before workflows) on the standard
    /// workflow: its steps are replayed through the engine at their own times, without touching the case,
    /// so the open task is the one its status calls for.
    /// </summary>
    public async Task<Result> ReplayAsync(CityDbContext db, CityCase item, Category category, CancellationToken ct)
    {
        var published = await catalog.LatestPublishedAsync(db, WorkflowCatalog.StandardKey, ct);
        if (published.IsFailure)
        {
            return published.Error;
        }

        var (definition, engine) = published.Value;

        var instance = new WorkflowInstance(item.Id, definition.Id, definition.Key, definition.VersionNumber, string.Empty, item.ReportedAt);
        db.WorkflowInstances.Add(instance);
        var step = engine.Start(Variables(item, category), await ContextAsync(instance, item.ReportedAt, category, ct));
        if (step.IsFailure)
        {
            return step.Error;
        }

        var rows = StepRows.ForNewInstance();
        var applied = await ApplyAsync(db, instance, item, category, engine, step.Value, null, item.ReportedAt, rows, ct);
        var state = step.Value.State;
        foreach (var entry in item.History.OrderBy(h => h.Sequence))
        {
            if (applied.IsFailure || ReplayOutcome(entry.Action) is not { } outcome)
            {
                continue;
            }

            var task = state.OpenTasks.FirstOrDefault(t => engine.Process.Node(t.NodeId) is UserTaskNode);
            if (task is null)
            {
                break;
            }

            var next = engine.CompleteTask(state, task.Id, outcome, null, await ContextAsync(instance, entry.At, category, ct));
            if (next.IsFailure)
            {
                return next.Error;
            }

            var actor = new Actor(entry.ActorId, entry.ActorName, entry.ActorRole);
            applied = await ApplyAsync(db, instance, item, category, engine, next.Value, actor, entry.At, rows, ct);
            state = next.Value.State;
        }

        return applied;
    }

    private static string? ReplayOutcome(CaseAction action) => action switch
    {
        CaseAction.Registered => "受理",
        CaseAction.Verified => "属实",
        CaseAction.Filed => "立案",
        CaseAction.Dispatched => "派遣",
        CaseAction.DisposalReported => "处置完毕",
        CaseAction.CheckPassed => "通过",
        CaseAction.CheckFailed => "不通过",
        _ => null,
    };
}

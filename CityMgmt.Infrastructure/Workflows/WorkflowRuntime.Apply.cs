using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Workflows.Execution;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Workflows;

public sealed partial class WorkflowRuntime
{
    /// <summary>Turns a step's events into rows and case lines; nothing is saved here.</summary>
    private static async Task<Result> ApplyAsync(
        CityDbContext db, WorkflowInstance instance, CityCase item, Category category, WorkflowEngine engine,
        StepResult step, Actor? actor, DateTimeOffset now, CancellationToken ct)
    {
        var tasks = db.Entry(instance).State == EntityState.Added
            ? []
            : await db.WorkflowTasks.Where(t => t.InstanceId == instance.Id && t.Status == WorkflowTaskStatus.Open).ToListAsync(ct);
        var timers = db.Entry(instance).State == EntityState.Added
            ? []
            : await db.WorkflowTimers.Where(t => t.InstanceId == instance.Id && t.Status == WorkflowTimerStatus.Scheduled).ToListAsync(ct);

        foreach (var change in step.Events)
        {
            switch (change)
            {
                case TaskOpened opened:
                    var task = new WorkflowTask(instance.Id, item.Id, opened.TaskId, opened.NodeId, opened.Name, now);
                    await TaskScopeResolver.ApplyAsync(db, task, opened, item, category, ct);
                    db.WorkflowTasks.Add(task);
                    tasks.Add(task);
                    break;
                case TaskClosed closed when tasks.FirstOrDefault(t => t.TaskKey == closed.TaskId) is { } open:
                    var status = closed.Reason switch
                    {
                        TaskCloseReason.Completed => WorkflowTaskStatus.Completed,
                        TaskCloseReason.Interrupted => WorkflowTaskStatus.Interrupted,
                        _ => WorkflowTaskStatus.Cancelled,
                    };
                    open.Close(status, now, closed.Outcome, actor?.UserId, actor?.Name);
                    break;
                case TimerScheduled scheduled:
                    var timer = new WorkflowTimer(instance.Id, scheduled.TimerId, scheduled.NodeId, scheduled.AttachedTaskId, scheduled.DueAt, scheduled.Interrupting);
                    db.WorkflowTimers.Add(timer);
                    timers.Add(timer);
                    break;
                case TimerCancelled cancelled when timers.FirstOrDefault(t => t.TimerKey == cancelled.TimerId && t.Status == WorkflowTimerStatus.Scheduled) is { } pending:
                    pending.Cancel();
                    break;
                case ActionRequested action:
                    var ran = CaseStepBridge.RunAction(item, action.ActionName, NodeName(engine, action.NodeId), now);
                    if (ran.IsFailure)
                    {
                        return ran;
                    }

                    break;
            }
        }

        instance.Advance(InstanceStateJson.Serialize(step.State), step.State.Completed, step.State.Terminated, now);
        return Result.Success();
    }

    private static string NodeName(WorkflowEngine engine, string nodeId)
    {
        var name = engine.Process.Node(nodeId).Name;
        return string.IsNullOrEmpty(name) ? nodeId : name;
    }
}

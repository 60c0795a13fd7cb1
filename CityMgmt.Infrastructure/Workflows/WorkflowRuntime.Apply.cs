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
    /// <summary>
    /// Turns a step's events into rows and case lines; nothing is saved here. <paramref name="rows"/> holds the
    /// task and timer rows the caller already has; the instance's other open rows are read only when an event
    /// closes or cancels one it does not hold (a completion usually closes just the task being completed).
    /// </summary>
    private static async Task<Result> ApplyAsync(
        CityDbContext db, WorkflowInstance instance, CityCase item, Category category, WorkflowEngine engine,
        StepResult step, Actor? actor, DateTimeOffset now, StepRows rows, CancellationToken ct)
    {
        foreach (var change in step.Events)
        {
            switch (change)
            {
                case TaskOpened opened:
                    var task = new WorkflowTask(instance.Id, item.Id, opened.TaskId, opened.NodeId, opened.Name, now);
                    await TaskScopeResolver.ApplyAsync(db, task, opened, item, category, prepared: rows.Detached is not null, ct);
                    rows.Add(db, task);
                    rows.Tasks.Add(task);
                    break;
                case TaskClosed closed when await rows.OpenTaskAsync(db, instance.Id, closed.TaskId, ct) is { } open:
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
                    rows.Add(db, timer);
                    rows.Timers.Add(timer);
                    break;
                case TimerCancelled cancelled when await rows.PendingTimerAsync(db, instance.Id, cancelled.TimerId, ct) is { } pending:
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

    /// <summary>
    /// The task and timer rows of one instance that a unit of work has seen. For an instance not yet saved
    /// (start, replay) every row is in the unit of work; otherwise the open rows are read once, on demand.
    /// </summary>
    private sealed class StepRows(bool instanceIsNew)
    {
        private bool _tasksRead = instanceIsNew;
        private bool _timersRead = instanceIsNew;

        public List<WorkflowTask> Tasks { get; } = [];

        public List<WorkflowTimer> Timers { get; } = [];

        /// <summary>On SQLite, the step's rows outside the change tracker (ADR 0017); otherwise null, and they are tracked.</summary>
        public DetachedRows? Detached { get; private init; }

        public static StepRows ForNewInstance(DetachedRows? detached = null) => new(true) { Detached = detached };

        public static StepRows Holding(WorkflowTask task) => new(false) { Tasks = { task } };

        /// <summary>A completion whose rows <see cref="StepRowReader"/> read: new rows and the timers it reads go to <paramref name="detached"/>.</summary>
        public static StepRows Holding(WorkflowTask task, DetachedRows detached) => new(false) { Tasks = { task }, Detached = detached };

        /// <summary>A new row of the step: into <see cref="Detached"/> when there is one, else into EF's change tracker.</summary>
        public void Add(CityDbContext db, object row) => DetachedRows.Add(db, Detached, row);

        public static StepRows ForSavedInstance() => new(false);

        public async ValueTask<WorkflowTask?> OpenTaskAsync(CityDbContext db, Guid instanceId, string taskKey, CancellationToken ct)
        {
            var found = Find(Tasks, taskKey);
            if (found is not null || _tasksRead)
            {
                return found;
            }

            _tasksRead = true;
            var open = await db.WorkflowTasks.Where(t => t.InstanceId == instanceId && t.Status == WorkflowTaskStatus.Open).ToListAsync(ct);
            Tasks.AddRange(open.Except(Tasks));
            return Find(Tasks, taskKey);

            static WorkflowTask? Find(List<WorkflowTask> tasks, string key) =>
                tasks.FirstOrDefault(t => t.TaskKey == key && t.Status == WorkflowTaskStatus.Open);
        }

        public async ValueTask<WorkflowTimer?> PendingTimerAsync(CityDbContext db, Guid instanceId, string timerKey, CancellationToken ct)
        {
            if (!_timersRead)
            {
                _timersRead = true;
                // A suspended timer (its case is parked) is still pending: the engine may cancel it.
                if (Detached is not null)
                {
                    var read = StepRowReader.ReadPendingTimers(db, instanceId).ToList();
                    Detached.Read.AddRange(read);
                    Timers.AddRange(read.Select(r => (WorkflowTimer)r.Entity));
                    return Timers.FirstOrDefault(t => t.TimerKey == timerKey && t.IsPending);
                }

                var scheduled = await db.WorkflowTimers.Where(t => t.InstanceId == instanceId).Where(WorkflowTimer.Pending).ToListAsync(ct);
                Timers.AddRange(scheduled.Except(Timers));
            }

            return Timers.FirstOrDefault(t => t.TimerKey == timerKey && t.IsPending);
        }
    }
}

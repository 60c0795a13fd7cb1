using System.Linq.Expressions;
using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Workflows.Runtime;

public enum WorkflowTimerStatus
{
    Scheduled,
    Fired,
    Cancelled,

    /// <summary>挂账: the case's clock stands still, so the timer does not fire until the case resumes.</summary>
    Suspended,
}

/// <summary>A due-time row swept by a scheduled job: fires once, also across restarts.</summary>
public sealed class WorkflowTimer : Entity
{
    private WorkflowTimer()
    {
    }

    public WorkflowTimer(Guid instanceId, string timerKey, string nodeId, string taskKey, DateTimeOffset dueAt, bool interrupting)
    {
        InstanceId = instanceId;
        TimerKey = timerKey;
        NodeId = nodeId;
        TaskKey = taskKey;
        DueAt = dueAt;
        Interrupting = interrupting;
        Status = WorkflowTimerStatus.Scheduled;
    }

    public Guid InstanceId { get; private set; }

    public string TimerKey { get; private set; } = string.Empty;

    public string NodeId { get; private set; } = string.Empty;

    public string TaskKey { get; private set; } = string.Empty;

    public DateTimeOffset DueAt { get; private set; }

    public bool Interrupting { get; private set; }

    public WorkflowTimerStatus Status { get; private set; }

    public DateTimeOffset? FiredAt { get; private set; }

    public void MarkFired(DateTimeOffset at) => (Status, FiredAt) = (WorkflowTimerStatus.Fired, at);

    public void Cancel() => Status = WorkflowTimerStatus.Cancelled;

    /// <summary><see cref="IsPending"/> as a query predicate.</summary>
    public static readonly Expression<Func<WorkflowTimer, bool>> Pending =
        t => t.Status == WorkflowTimerStatus.Scheduled || t.Status == WorkflowTimerStatus.Suspended;

    /// <summary>The statuses of <see cref="IsPending"/>, for queries written without LINQ.</summary>
    public static readonly IReadOnlyList<WorkflowTimerStatus> PendingStatuses = [WorkflowTimerStatus.Scheduled, WorkflowTimerStatus.Suspended];

    /// <summary>Not yet fired or cancelled: scheduled, or suspended while its case is parked.</summary>
    public bool IsPending => Status is WorkflowTimerStatus.Scheduled or WorkflowTimerStatus.Suspended;

    /// <summary>挂账: a scheduled timer stops until <see cref="Resume"/>.</summary>
    public void Suspend()
    {
        if (Status == WorkflowTimerStatus.Scheduled)
        {
            Status = WorkflowTimerStatus.Suspended;
        }
    }

    /// <summary>挂账恢复: a suspended timer is scheduled again, at the instant its remaining time ends.</summary>
    public void Resume(DateTimeOffset dueAt)
    {
        if (Status == WorkflowTimerStatus.Suspended)
        {
            (Status, DueAt) = (WorkflowTimerStatus.Scheduled, dueAt);
        }
    }
}

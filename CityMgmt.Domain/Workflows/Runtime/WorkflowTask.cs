using CityMgmt.Domain.Common;
using CityMgmt.Domain.Workflows.Model;

namespace CityMgmt.Domain.Workflows.Runtime;

public enum WorkflowTaskStatus
{
    /// <summary>待办.</summary>
    Open,

    /// <summary>已办.</summary>
    Completed,

    /// <summary>Closed by an interrupting timer.</summary>
    Interrupted,

    /// <summary>Closed because the instance ended (terminate) or was migrated away from this step.</summary>
    Cancelled,
}

/// <summary>
/// A human task in the inbox (待办/已办). Who sees it: holders of <see cref="Role"/> within the task's
/// scope (department, street, org unit), or the named assignee; a claimed group task only its claimer.
/// </summary>
public sealed class WorkflowTask : AggregateRoot
{
    public const int NameMaxLength = 60;

    private WorkflowTask()
    {
    }

    public WorkflowTask(Guid instanceId, Guid caseId, string taskKey, string nodeId, string name, DateTimeOffset openedAt)
    {
        InstanceId = instanceId;
        CaseId = caseId;
        TaskKey = taskKey;
        NodeId = nodeId;
        Name = name.Length > NameMaxLength ? name[..NameMaxLength] : name;
        OpenedAt = openedAt;
        Status = WorkflowTaskStatus.Open;
    }

    public Guid InstanceId { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>The engine's task id within the instance.</summary>
    public string TaskKey { get; private set; } = string.Empty;

    public string NodeId { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string? Role { get; set; }

    public TaskAssignment? Assignment { get; set; }

    public StandardStage? Stage { get; set; }

    /// <summary>Outcome buttons, comma-separated.</summary>
    public string? Outcomes { get; set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset? DueAt { get; set; }

    /// <summary>Scope: the department that must act (处置 tasks).</summary>
    public Guid? DepartmentId { get; set; }

    /// <summary>Scope: the case's street/town (sub-centre users see tasks of their street).</summary>
    public Guid? StreetId { get; set; }

    /// <summary>Scope: a specific org unit (e.g. the sub-centre of the street).</summary>
    public Guid? OrgUnitId { get; set; }

    /// <summary>A named person (e.g. the grid's responsible supervisor).</summary>
    public string? AssigneeUserId { get; set; }

    public string? ClaimedBy { get; private set; }

    public DateTimeOffset? ClaimedAt { get; private set; }

    public WorkflowTaskStatus Status { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ClosedBy { get; private set; }

    public string? ClosedByName { get; private set; }

    public string? Outcome { get; private set; }

    public IReadOnlyList<string> OutcomeList => string.IsNullOrEmpty(Outcomes) ? [] : Outcomes.Split(',');

    public Result Claim(string userId, DateTimeOffset at)
    {
        if (Status != WorkflowTaskStatus.Open)
        {
            return RuntimeErrors.TaskClosed;
        }

        if (ClaimedBy is not null && ClaimedBy != userId)
        {
            return RuntimeErrors.ClaimedByOther;
        }

        (ClaimedBy, ClaimedAt) = (userId, at);
        return Result.Success();
    }

    public Result Release(string userId)
    {
        if (ClaimedBy != userId)
        {
            return RuntimeErrors.NotYourClaim;
        }

        (ClaimedBy, ClaimedAt) = (null, null);
        return Result.Success();
    }

    public void Close(WorkflowTaskStatus status, DateTimeOffset at, string? outcome, string? userId, string? userName)
    {
        Status = status;
        ClosedAt = at;
        Outcome = outcome;
        ClosedBy = userId;
        ClosedByName = userName;
    }
}

public static class RuntimeErrors
{
    public static readonly Error TaskClosed = new("Task.Closed", "该任务已办结或已被他人处理，请刷新待办列表");
    public static readonly Error ClaimedByOther = new("Task.ClaimedByOther", "该任务已被他人签收");
    public static readonly Error NotYourClaim = new("Task.NotYourClaim", "只能退回自己签收的任务");
    public static readonly Error NotYourTask = new("Task.NotYours", "您无权办理该任务");
    public static readonly Error TaskNotFound = new("Task.NotFound", "任务不存在或无权查看");
    public static readonly Error Conflict = new("Task.Conflict", "该案件刚被其他人处理，已为您刷新最新状态");
    public static readonly Error NoPublishedWorkflow = new("Workflow.NoPublished", "没有已发布的案件流程，请联系系统管理员");
}

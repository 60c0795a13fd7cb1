using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Workflows.Runtime;

public enum WorkflowInstanceStatus
{
    Running,
    Completed,
    Terminated,
}

/// <summary>A case's run through one version of a workflow; its engine state is kept as JSON.</summary>
public sealed class WorkflowInstance : AggregateRoot
{
    private WorkflowInstance()
    {
    }

    public WorkflowInstance(Guid caseId, Guid definitionId, string definitionKey, int definitionVersion, string stateJson, DateTimeOffset startedAt)
    {
        CaseId = caseId;
        DefinitionId = definitionId;
        DefinitionKey = definitionKey;
        DefinitionVersion = definitionVersion;
        StateJson = stateJson;
        StartedAt = startedAt;
        Status = WorkflowInstanceStatus.Running;
    }

    public Guid CaseId { get; private set; }

    public Guid DefinitionId { get; private set; }

    public string DefinitionKey { get; private set; } = string.Empty;

    public int DefinitionVersion { get; private set; }

    public WorkflowInstanceStatus Status { get; private set; }

    public string StateJson { get; private set; } = string.Empty;

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Ids handed out for tasks and timers so far (engine ids are "t1", "t2" … per instance).</summary>
    public int IdCounter { get; private set; }

    public string NextId() => "t" + (++IdCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Advance(string stateJson, bool completed, bool terminated, DateTimeOffset at)
    {
        StateJson = stateJson;
        if (completed && Status == WorkflowInstanceStatus.Running)
        {
            Status = terminated ? WorkflowInstanceStatus.Terminated : WorkflowInstanceStatus.Completed;
            EndedAt = at;
        }
    }

    /// <summary>An administrator moved this running case to another published version.</summary>
    public void MoveTo(Guid definitionId, int version, string stateJson)
    {
        DefinitionId = definitionId;
        DefinitionVersion = version;
        StateJson = stateJson;
    }
}

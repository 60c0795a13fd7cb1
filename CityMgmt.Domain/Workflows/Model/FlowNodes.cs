using System.Collections.Immutable;

namespace CityMgmt.Domain.Workflows.Model;

/// <summary>What a flow node is; the engine and the validator switch on it.</summary>
public enum NodeKind
{
    StartEvent,
    EndEvent,
    UserTask,
    ServiceTask,
    ExclusiveGateway,
    ParallelGateway,
    BoundaryTimer,

    /// <summary>A BPMN flow node we do not execute; kept so flows to it still resolve and it is reported once.</summary>
    Unsupported,
}

/// <summary>A node of the process graph. <see cref="Name"/> is what the designer shows, empty when unnamed.</summary>
public abstract record FlowNode(string Id, string Name)
{
    public abstract NodeKind Kind { get; }

    /// <summary>The name, or the id when the node is unnamed: what messages quote.</summary>
    public string Label => string.IsNullOrWhiteSpace(Name) ? Id : Name;
}

public sealed record StartEventNode(string Id, string Name) : FlowNode(Id, Name)
{
    public override NodeKind Kind => NodeKind.StartEvent;
}

/// <summary>An end event; a terminate end closes every open task and timer of the instance.</summary>
public sealed record EndEventNode(string Id, string Name, bool Terminate) : FlowNode(Id, Name)
{
    public override NodeKind Kind => NodeKind.EndEvent;
}

/// <summary>
/// A task for a person. The raw <c>cm:</c> texts are kept beside the parsed values so the validator can
/// name what was wrong; the parsed value is null when the text is missing or unreadable.
/// </summary>
public sealed record UserTaskNode(string Id, string Name) : FlowNode(Id, Name)
{
    public override NodeKind Kind => NodeKind.UserTask;

    /// <summary>A <see cref="Organisation.StaffRole"/> key.</summary>
    public string? Role { get; init; }

    public string? AssignmentText { get; init; }

    public TaskAssignment? Assignment { get; init; }

    public string? LimitText { get; init; }

    public TaskLimit? Limit { get; init; }

    public string? StageText { get; init; }

    public StandardStage? Stage { get; init; }

    /// <summary>The outcome labels offered as buttons, in the order written.</summary>
    public ImmutableArray<string> Outcomes { get; init; } = [];
}

/// <summary>An automatic step: asks the host to run a built-in action and moves on at once.</summary>
public sealed record ServiceTaskNode(string Id, string Name, string? Action) : FlowNode(Id, Name)
{
    public override NodeKind Kind => NodeKind.ServiceTask;
}

/// <summary>Takes the first outgoing flow whose condition holds, in document order, else the default flow.</summary>
public sealed record ExclusiveGatewayNode(string Id, string Name, string? DefaultFlowId) : FlowNode(Id, Name)
{
    public override NodeKind Kind => NodeKind.ExclusiveGateway;
}

/// <summary>Forks a token onto every outgoing flow; with several incoming flows, first waits for a token on each.</summary>
public sealed record ParallelGatewayNode(string Id, string Name) : FlowNode(Id, Name)
{
    public override NodeKind Kind => NodeKind.ParallelGateway;
}

/// <summary>A timer on the border of a user task: interrupting (<c>cancelActivity</c> true) or not.</summary>
public sealed record BoundaryTimerNode(string Id, string Name, string AttachedToRef, bool Interrupting) : FlowNode(Id, Name)
{
    public override NodeKind Kind => NodeKind.BoundaryTimer;

    public string? FractionText { get; init; }

    public string? DurationText { get; init; }

    /// <summary>Null when neither text is present or the one present is unreadable.</summary>
    public TimerDuration? Duration { get; init; }
}

/// <summary>A flow node of a kind we do not execute, e.g. an inclusive gateway or a sub-process.</summary>
public sealed record UnsupportedNode(string Id, string Name, string ElementName) : FlowNode(Id, Name)
{
    public override NodeKind Kind => NodeKind.Unsupported;
}

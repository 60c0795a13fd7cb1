using System.Collections.Immutable;
using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Workflows.Model;

namespace CityMgmt.Domain.Workflows.Execution;

/// <summary>Something a step did, for the host to persist with the case history in the same transaction.</summary>
public abstract record WorkflowEvent;

/// <summary>A user task became open. <paramref name="Limit"/> is the limit its due instant was counted from.</summary>
public sealed record TaskOpened(
    string TaskId,
    string NodeId,
    string Name,
    string? Role,
    TaskAssignment? Assignment,
    StandardStage? Stage,
    ImmutableArray<string> Outcomes,
    DateTimeOffset? DueAt,
    TimeLimit? Limit) : WorkflowEvent;

public enum TaskCloseReason
{
    /// <summary>Done by a person, with <see cref="TaskClosed.Outcome"/>.</summary>
    Completed,

    /// <summary>Closed by an interrupting timer.</summary>
    Interrupted,

    /// <summary>Closed because a terminate end event ended the instance.</summary>
    Terminated,
}

public sealed record TaskClosed(string TaskId, string NodeId, TaskCloseReason Reason, string? Outcome) : WorkflowEvent;

/// <summary>A timer to fire at <paramref name="DueAt"/> (UTC) through <see cref="WorkflowEngine.FireTimer"/>.</summary>
public sealed record TimerScheduled(string TimerId, string NodeId, string AttachedTaskId, DateTimeOffset DueAt, bool Interrupting) : WorkflowEvent;

/// <summary>A timer that must no longer fire: its task closed, or the instance ended.</summary>
public sealed record TimerCancelled(string TimerId, string NodeId) : WorkflowEvent;

/// <summary>A service task asks the host to run a built-in action; the token has already moved on.</summary>
public sealed record ActionRequested(string NodeId, string ActionName) : WorkflowEvent;

/// <summary>The instance has ended: no token is left, or a terminate end event was reached.</summary>
public sealed record InstanceCompleted(bool Terminated) : WorkflowEvent;

/// <summary>The state after a step and what happened during it, in order.</summary>
public sealed record StepResult(InstanceState State, ImmutableArray<WorkflowEvent> Events);

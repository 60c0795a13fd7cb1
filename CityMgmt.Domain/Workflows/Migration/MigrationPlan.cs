using System.Collections.Immutable;
using CityMgmt.Domain.Workflows.Execution;

namespace CityMgmt.Domain.Workflows.Migration;

public enum MappingSource
{
    /// <summary>The new version has a node with the same id and kind.</summary>
    SameId,

    /// <summary>An administrator chose the new node.</summary>
    Admin,
}

/// <summary>Where the tokens of an old node went.</summary>
public sealed record NodeMapping(string OldNodeId, string NewNodeId, MappingSource Source);

/// <summary>
/// The instance state on the new version, how each occupied node was mapped, and the timers that had to be
/// cancelled because the new version no longer has their boundary event on the mapped task. The host stores the
/// state, cancels those timers and records the plan in the admin audit, in one transaction.
/// </summary>
public sealed record MigrationPlan(InstanceState State, ImmutableArray<NodeMapping> Mappings, ImmutableArray<TimerCancelled> CancelledTimers);

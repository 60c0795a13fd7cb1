using System.Collections.Immutable;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Workflows.Execution;
using CityMgmt.Domain.Workflows.Model;

namespace CityMgmt.Domain.Workflows.Migration;

/// <summary>
/// Moves a running instance to a newer version of its process. Each node holding a token maps to the node the
/// administrator chose for it or, failing that, to the node with the same id and kind; a node with neither
/// refuses the whole migration, naming every such node. Tasks keep their ids, opening instants and deadlines.
/// </summary>
public static class InstanceMigration
{
    public static Result<MigrationPlan> Plan(
        WorkflowProcess oldProcess,
        WorkflowProcess newProcess,
        InstanceState state,
        IReadOnlyDictionary<string, string> adminMapping)
    {
        ArgumentNullException.ThrowIfNull(oldProcess);
        ArgumentNullException.ThrowIfNull(newProcess);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(adminMapping);
        if (state.Completed)
        {
            return WorkflowErrors.MigrationOfCompleted;
        }

        var mappings = new List<NodeMapping>();
        var unmapped = new List<FlowNode>();
        foreach (var nodeId in state.Tokens.Select(t => t.NodeId).Distinct(StringComparer.Ordinal))
        {
            var oldNode = oldProcess.FindNode(nodeId) ?? new UnsupportedNode(nodeId, string.Empty, "unknown");
            if (adminMapping.TryGetValue(nodeId, out var chosen))
            {
                if (newProcess.FindNode(chosen)?.Kind != oldNode.Kind)
                {
                    return WorkflowErrors.MappingTargetInvalid(nodeId, chosen);
                }

                mappings.Add(new NodeMapping(nodeId, chosen, MappingSource.Admin));
            }
            else if (newProcess.FindNode(nodeId)?.Kind == oldNode.Kind && oldNode.Kind != NodeKind.Unsupported)
            {
                mappings.Add(new NodeMapping(nodeId, nodeId, MappingSource.SameId));
            }
            else
            {
                unmapped.Add(oldNode);
            }
        }

        if (unmapped.Count > 0)
        {
            return WorkflowErrors.NodesUnmapped(unmapped);
        }

        var target = mappings.ToDictionary(m => m.OldNodeId, m => m.NewNodeId, StringComparer.Ordinal);
        var tokens = state.Tokens.Select(t => t with { NodeId = target[t.NodeId] }).ToImmutableArray();
        var lostJoin = tokens.FirstOrDefault(t => t.TaskId is null && !newProcess.Incoming(t.NodeId).Any(f => f.Id == t.ViaFlowId));
        if (lostJoin is not null)
        {
            return WorkflowErrors.JoinFlowUnmapped(lostJoin.NodeId, lostJoin.ViaFlowId ?? string.Empty);
        }

        var tasks = state.OpenTasks.Select(t => t with { NodeId = target[t.NodeId] }).ToImmutableArray();
        var taskNode = tasks.ToDictionary(t => t.Id, t => t.NodeId, StringComparer.Ordinal);
        var kept = new List<OpenTimer>();
        var cancelled = new List<TimerCancelled>();
        foreach (var timer in state.Timers)
        {
            var stillThere = taskNode.TryGetValue(timer.TaskId, out var nodeId)
                && newProcess.FindNode(timer.NodeId) is BoundaryTimerNode boundary
                && boundary.AttachedToRef == nodeId;
            if (stillThere)
            {
                kept.Add(timer);
            }
            else
            {
                cancelled.Add(new TimerCancelled(timer.Id, timer.NodeId));
            }
        }

        var migrated = state with { Tokens = tokens, OpenTasks = tasks, Timers = [.. kept] };
        return new MigrationPlan(migrated, [.. mappings], [.. cancelled]);
    }
}

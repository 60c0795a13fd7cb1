using System.Collections.Frozen;
using System.Collections.Immutable;

namespace CityMgmt.Domain.Workflows.Model;

/// <summary>
/// A parsed BPMN process: immutable, with the graph look-ups the validator and the engine need.
/// Lists keep document order, which is the order gateways test their conditions in.
/// </summary>
public sealed class WorkflowProcess
{
    private static readonly ImmutableArray<SequenceFlow> NoFlows = [];
    private static readonly ImmutableArray<BoundaryTimerNode> NoTimers = [];

    private readonly FrozenDictionary<string, FlowNode> _nodes;
    private readonly FrozenDictionary<string, SequenceFlow> _flows;
    private readonly FrozenDictionary<string, ImmutableArray<SequenceFlow>> _outgoing;
    private readonly FrozenDictionary<string, ImmutableArray<SequenceFlow>> _incoming;
    private readonly FrozenDictionary<string, ImmutableArray<BoundaryTimerNode>> _timersByTask;

    public WorkflowProcess(
        string id,
        string name,
        IEnumerable<FlowNode> nodes,
        IEnumerable<SequenceFlow> flows,
        IEnumerable<UnsupportedElement>? unsupported = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        Name = name ?? string.Empty;
        Nodes = [.. nodes];
        Flows = [.. flows];
        Unsupported = [.. unsupported ?? []];

        // Duplicate ids are refused by the parser; a hand-built process with them is a bug.
        _nodes = Nodes.ToFrozenDictionary(n => n.Id, StringComparer.Ordinal);
        _flows = Flows.ToFrozenDictionary(f => f.Id, StringComparer.Ordinal);
        _outgoing = Flows.GroupBy(f => f.SourceRef, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        _incoming = Flows.GroupBy(f => f.TargetRef, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        _timersByTask = Nodes.OfType<BoundaryTimerNode>().GroupBy(t => t.AttachedToRef, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
    }

    /// <summary>The BPMN process id, e.g. <c>citymgmt-standard</c>.</summary>
    public string Id { get; }

    public string Name { get; }

    /// <summary>Every flow node in document order.</summary>
    public ImmutableArray<FlowNode> Nodes { get; }

    /// <summary>Every sequence flow in document order.</summary>
    public ImmutableArray<SequenceFlow> Flows { get; }

    /// <summary>Elements found in the process that the engine does not execute.</summary>
    public ImmutableArray<UnsupportedElement> Unsupported { get; }

    public IEnumerable<StartEventNode> StartEvents => Nodes.OfType<StartEventNode>();

    public FlowNode? FindNode(string id) => _nodes.GetValueOrDefault(id);

    public SequenceFlow? FindFlow(string id) => _flows.GetValueOrDefault(id);

    /// <summary>The node with this id; asking for an id that is not in the process is a bug.</summary>
    public FlowNode Node(string id) => _nodes.TryGetValue(id, out var node)
        ? node
        : throw new KeyNotFoundException($"Process '{Id}' has no node '{id}'.");

    public ImmutableArray<SequenceFlow> Outgoing(string nodeId) => _outgoing.GetValueOrDefault(nodeId, NoFlows);

    public ImmutableArray<SequenceFlow> Incoming(string nodeId) => _incoming.GetValueOrDefault(nodeId, NoFlows);

    /// <summary>The timer boundary events attached to a task, in document order.</summary>
    public ImmutableArray<BoundaryTimerNode> TimersOn(string taskNodeId) => _timersByTask.GetValueOrDefault(taskNodeId, NoTimers);
}

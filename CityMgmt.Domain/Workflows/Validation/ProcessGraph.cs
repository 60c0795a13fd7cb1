using CityMgmt.Domain.Workflows.Model;

namespace CityMgmt.Domain.Workflows.Validation;

/// <summary>
/// Graph walks over a process. A timer boundary event counts as a successor of the task it is attached to,
/// since a token can leave the task through it.
/// </summary>
internal static class ProcessGraph
{
    public static IEnumerable<FlowNode> Successors(WorkflowProcess process, FlowNode node)
    {
        foreach (var flow in process.Outgoing(node.Id))
        {
            if (process.FindNode(flow.TargetRef) is { } target)
            {
                yield return target;
            }
        }

        foreach (var timer in process.TimersOn(node.Id))
        {
            yield return timer;
        }
    }

    public static IEnumerable<FlowNode> Predecessors(WorkflowProcess process, FlowNode node)
    {
        foreach (var flow in process.Incoming(node.Id))
        {
            if (process.FindNode(flow.SourceRef) is { } source)
            {
                yield return source;
            }
        }

        if (node is BoundaryTimerNode timer && process.FindNode(timer.AttachedToRef) is { } task)
        {
            yield return task;
        }
    }

    /// <summary>Every node reachable from <paramref name="from"/> by <paramref name="next"/>, the start nodes included.</summary>
    public static HashSet<string> Reach(IEnumerable<FlowNode> from, Func<FlowNode, IEnumerable<FlowNode>> next, Func<FlowNode, bool>? through = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<FlowNode>();
        foreach (var node in from)
        {
            if (seen.Add(node.Id))
            {
                queue.Enqueue(node);
            }
        }

        while (queue.TryDequeue(out var node))
        {
            foreach (var neighbour in next(node))
            {
                if ((through is null || through(neighbour)) && seen.Add(neighbour.Id))
                {
                    queue.Enqueue(neighbour);
                }
            }
        }

        return seen;
    }
}

using CityMgmt.Domain.Workflows.Model;

namespace CityMgmt.Domain.Workflows.Validation;

/// <summary>Every node reachable from the start and able to reach an end; no loop without a person in it; joins fed by forks.</summary>
internal static class ReachabilityRules
{
    public static void Check(WorkflowProcess process, ProblemList problems)
    {
        // Unsupported nodes are reported once already; walking through them avoids a cascade of follow-on problems.
        var checkable = process.Nodes.Where(n => n.Kind != NodeKind.Unsupported).ToList();
        var starts = process.StartEvents.ToList();
        if (starts.Count > 0)
        {
            var reached = ProcessGraph.Reach(starts, n => ProcessGraph.Successors(process, n));
            foreach (var node in checkable.Where(n => !reached.Contains(n.Id)))
            {
                problems.Add(node, ProblemCodes.Unreachable, "从开始事件无法到达此节点");
            }
        }

        var ends = process.Nodes.Where(n => n.Kind == NodeKind.EndEvent);
        var finishing = ProcessGraph.Reach(ends, n => ProcessGraph.Predecessors(process, n));
        foreach (var node in checkable.Where(n => !finishing.Contains(n.Id)))
        {
            problems.Add(node, ProblemCodes.NoEndReachable, "从此节点无法到达任何结束事件");
        }

        CheckLoops(process, checkable, problems);
        CheckJoins(process, problems);
    }

    /// <summary>A cycle through gateways and service tasks only would spin forever: report one node per such cycle.</summary>
    private static void CheckLoops(WorkflowProcess process, List<FlowNode> checkable, ProblemList problems)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        bool Automatic(FlowNode n) => n.Kind is not NodeKind.UserTask;
        IEnumerable<FlowNode> Next(FlowNode n) => process.Outgoing(n.Id).Select(f => process.FindNode(f.TargetRef)).OfType<FlowNode>();
        IEnumerable<FlowNode> Previous(FlowNode n) => process.Incoming(n.Id).Select(f => process.FindNode(f.SourceRef)).OfType<FlowNode>();

        foreach (var node in checkable.Where(n => Automatic(n) && !reported.Contains(n.Id)))
        {
            var forward = ProcessGraph.Reach(Next(node).Where(Automatic), Next, Automatic);
            if (!forward.Contains(node.Id))
            {
                continue;
            }

            var backward = ProcessGraph.Reach(Previous(node).Where(Automatic), Previous, Automatic);
            reported.UnionWith(forward.Intersect(backward));
            problems.Add(node, ProblemCodes.LoopWithoutTask, "此节点处于没有人工任务的循环中，流程会无限循环");
        }
    }

    /// <summary>A join only completes when tokens arrive on every incoming flow, so something upstream must fork.</summary>
    private static void CheckJoins(WorkflowProcess process, ProblemList problems)
    {
        foreach (var join in process.Nodes.OfType<ParallelGatewayNode>().Where(g => process.Incoming(g.Id).Length > 1))
        {
            var upstream = ProcessGraph.Reach(ProcessGraph.Predecessors(process, join), n => ProcessGraph.Predecessors(process, n));
            var forks = upstream.Select(process.Node).Any(n =>
                (n is ParallelGatewayNode && process.Outgoing(n.Id).Length > 1) || n is BoundaryTimerNode { Interrupting: false });
            if (!forks)
            {
                problems.Add(join, ProblemCodes.JoinWithoutFork, "并行网关汇聚多条连线，但上游没有并行分支，流程会永远等待");
            }
        }
    }
}

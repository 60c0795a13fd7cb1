using CityMgmt.Domain.Workflows.Model;

namespace CityMgmt.Domain.Workflows.Validation;

/// <summary>Unsupported elements, the single start, flow ends that exist, and how many flows each node may have.</summary>
internal static class StructureRules
{
    public static void Check(WorkflowProcess process, ProblemList problems)
    {
        foreach (var element in process.Unsupported)
        {
            problems.Add(element.ElementId, element.ElementName, ProblemCodes.Unsupported, $"不支持的元素 {element.XmlName}：引擎不会执行它，请删除或改用支持的元素");
        }

        var starts = process.StartEvents.ToList();
        if (starts.Count == 0)
        {
            problems.Add(process.Id, process.Name, ProblemCodes.StartCount, "流程没有开始事件");
        }

        foreach (var extra in starts.Skip(1))
        {
            problems.Add(extra, ProblemCodes.StartCount, "流程只能有一个开始事件");
        }

        foreach (var flow in process.Flows)
        {
            if (process.FindNode(flow.SourceRef) is null)
            {
                problems.Add(flow, ProblemCodes.DanglingFlow, $"连线的起点“{flow.SourceRef}”不存在");
            }

            if (process.FindNode(flow.TargetRef) is null)
            {
                problems.Add(flow, ProblemCodes.DanglingFlow, $"连线的终点“{flow.TargetRef}”不存在");
            }
        }

        foreach (var node in process.Nodes)
        {
            CheckFlowCounts(process, node, problems);
        }
    }

    private static void CheckFlowCounts(WorkflowProcess process, FlowNode node, ProblemList problems)
    {
        var incoming = process.Incoming(node.Id).Length;
        var outgoing = process.Outgoing(node.Id).Length;
        switch (node.Kind)
        {
            case NodeKind.StartEvent or NodeKind.BoundaryTimer when incoming > 0:
                problems.Add(node, ProblemCodes.FlowCount, node.Kind == NodeKind.StartEvent ? "开始事件不能有流入的连线" : "边界事件不能有流入的连线");
                break;
            case NodeKind.EndEvent when outgoing > 0:
                problems.Add(node, ProblemCodes.FlowCount, "结束事件不能有流出的连线");
                break;
            case NodeKind.ExclusiveGateway or NodeKind.ParallelGateway when outgoing == 0 || incoming == 0:
                problems.Add(node, ProblemCodes.FlowCount, "网关必须至少有一条流入和一条流出的连线");
                break;
        }

        // One way out keeps activities unambiguous: branching is the gateways' job.
        if (node.Kind is NodeKind.StartEvent or NodeKind.UserTask or NodeKind.ServiceTask or NodeKind.BoundaryTimer && outgoing != 1)
        {
            problems.Add(node, ProblemCodes.FlowCount, $"此节点必须恰好有一条流出的连线（现有 {outgoing} 条）；需要分支时请使用网关");
        }
    }
}

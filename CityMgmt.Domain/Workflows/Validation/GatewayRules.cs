using CityMgmt.Domain.Workflows.Model;

namespace CityMgmt.Domain.Workflows.Validation;

/// <summary>Exclusive gateways choose by conditions or the default; conditions appear nowhere else.</summary>
internal static class GatewayRules
{
    public static void Check(WorkflowProcess process, ProblemList problems)
    {
        foreach (var flow in process.Flows.Where(f => f.Condition is not null))
        {
            if (process.FindNode(flow.SourceRef) is { Kind: not NodeKind.ExclusiveGateway })
            {
                problems.Add(flow, ProblemCodes.ConditionNotAllowed, "只有排他网关的流出连线可以设置条件，这里的条件不会生效");
            }
        }

        foreach (var gateway in process.Nodes.OfType<ExclusiveGatewayNode>())
        {
            CheckExclusive(process, gateway, problems);
        }
    }

    private static void CheckExclusive(WorkflowProcess process, ExclusiveGatewayNode gateway, ProblemList problems)
    {
        var outgoing = process.Outgoing(gateway.Id);
        if (gateway.DefaultFlowId is { } defaultId)
        {
            var defaultFlow = outgoing.FirstOrDefault(f => f.Id == defaultId);
            if (defaultFlow is null)
            {
                problems.Add(gateway, ProblemCodes.BadDefault, $"默认出口“{defaultId}”不是此网关的流出连线");
            }
            else if (defaultFlow.Condition is not null)
            {
                problems.Add(defaultFlow, ProblemCodes.BadDefault, "默认出口不能设置条件");
            }
        }

        // A single unconditional way out is a plain merge; with several, each must say when it is taken.
        if (outgoing.Length < 2)
        {
            return;
        }

        foreach (var flow in outgoing.Where(f => f.Condition is null && f.Id != gateway.DefaultFlowId))
        {
            problems.Add(flow, ProblemCodes.MissingCondition, $"排他网关“{gateway.Label}”的流出连线必须设置条件，或设为默认出口");
        }
    }
}

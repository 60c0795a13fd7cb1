using CityMgmt.Domain.Workflows.Conditions;
using CityMgmt.Domain.Workflows.Model;

namespace CityMgmt.Domain.Workflows.Validation;

/// <summary>Conditions parse, read known variables only, and compare <c>outcome</c> with labels some upstream task offers.</summary>
internal static class ConditionRules
{
    public static void Check(WorkflowProcess process, ValidationOptions options, ProblemList problems)
    {
        foreach (var flow in process.Flows.Where(f => f.Condition is not null))
        {
            var check = ConditionChecker.Check(flow.Condition, options.KnownVariables);
            if (check.IsFailure)
            {
                problems.Add(flow, ProblemCodes.BadCondition, check.Error.Message);
                continue;
            }

            var offered = UpstreamOutcomes(process, flow);
            foreach (var label in OutcomeReferences.Find(ConditionChecker.Compile(flow.Condition).Value).Distinct(StringComparer.Ordinal))
            {
                if (!offered.Contains(label))
                {
                    problems.Add(flow, ProblemCodes.UnknownOutcome, $"条件引用的处理结果“{label}”不是上游任何人工任务的可选结果", ProblemSeverity.Warning);
                }
            }
        }
    }

    private static HashSet<string> UpstreamOutcomes(WorkflowProcess process, SequenceFlow flow)
    {
        var outcomes = new HashSet<string>(StringComparer.Ordinal);
        if (process.FindNode(flow.SourceRef) is not { } source)
        {
            return outcomes;
        }

        var upstream = ProcessGraph.Reach([source], n => ProcessGraph.Predecessors(process, n));
        foreach (var task in upstream.Select(process.Node).OfType<UserTaskNode>())
        {
            outcomes.UnionWith(task.Outcomes);
        }

        return outcomes;
    }
}

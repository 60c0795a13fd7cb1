using CityMgmt.Domain.Workflows.Model;

namespace CityMgmt.Domain.Workflows.Validation;

/// <summary>
/// Checks a parsed process before it may be published and lists every problem at once, each with the element
/// to highlight. A process without errors runs on <see cref="Execution.WorkflowEngine"/> without surprises.
/// </summary>
public static class WorkflowValidator
{
    public static IReadOnlyList<ValidationProblem> Validate(WorkflowProcess process, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        var problems = new ProblemList();
        options ??= ValidationOptions.Default;
        StructureRules.Check(process, problems);
        ReachabilityRules.Check(process, problems);
        GatewayRules.Check(process, problems);
        ConditionRules.Check(process, options, problems);
        TaskRules.Check(process, options, problems);
        TimerRules.Check(process, problems);
        return problems.Items;
    }
}

/// <summary>Collects problems in rule order.</summary>
internal sealed class ProblemList
{
    private readonly List<ValidationProblem> _items = [];

    public IReadOnlyList<ValidationProblem> Items => _items;

    public void Add(FlowNode node, string code, string message, ProblemSeverity severity = ProblemSeverity.Error) =>
        _items.Add(new ValidationProblem(node.Id, node.Name, code, message, severity));

    public void Add(SequenceFlow flow, string code, string message, ProblemSeverity severity = ProblemSeverity.Error) =>
        _items.Add(new ValidationProblem(flow.Id, flow.Name, code, message, severity));

    public void Add(string elementId, string elementName, string code, string message) =>
        _items.Add(new ValidationProblem(elementId, elementName, code, message));
}

using System.Xml.Linq;
using CityMgmt.Domain.Workflows.Model;

namespace CityMgmt.Domain.Workflows.Parsing;

/// <summary>Reads the supported flow nodes and their <c>cm:</c> attributes; returns null for any other element.</summary>
internal static class NodeReader
{
    private static readonly XName TerminateDefinition = BpmnNames.Model + "terminateEventDefinition";
    private static readonly XName TimerDefinition = BpmnNames.Model + "timerEventDefinition";

    public static FlowNode? Read(XElement element, string id, string name, List<UnsupportedElement> unsupported)
    {
        FlowNode? node = element.Name.LocalName switch
        {
            "startEvent" => new StartEventNode(id, name),
            "endEvent" => new EndEventNode(id, name, element.Element(TerminateDefinition) is not null),
            "userTask" => ReadUserTask(element, id, name),
            "serviceTask" => new ServiceTaskNode(id, name, ProcessReader.Text(element, BpmnNames.Action)),
            "exclusiveGateway" => new ExclusiveGatewayNode(id, name, ProcessReader.Text(element, "default")),
            "parallelGateway" => new ParallelGatewayNode(id, name),
            "boundaryEvent" => ReadBoundary(element, id, name, unsupported),
            _ => null,
        };
        if (node is not null and not UnsupportedNode)
        {
            var supportedChild = node.Kind switch
            {
                NodeKind.EndEvent => TerminateDefinition,
                NodeKind.BoundaryTimer => TimerDefinition,
                _ => null,
            };
            ReportUnsupportedChildren(element, node, supportedChild, unsupported);
        }

        return node;
    }

    private static UserTaskNode ReadUserTask(XElement element, string id, string name)
    {
        var assignment = ProcessReader.Text(element, BpmnNames.Assignment);
        var limit = ProcessReader.Text(element, BpmnNames.Limit);
        var stage = ProcessReader.Text(element, BpmnNames.Stage);
        return new UserTaskNode(id, name)
        {
            Role = ProcessReader.Text(element, BpmnNames.Role),
            AssignmentText = assignment,
            Assignment = ParseName<TaskAssignment>(assignment),
            LimitText = limit,
            Limit = limit is null ? null : ValueOrNull(TaskLimit.Parse(limit)),
            StageText = stage,
            Stage = ParseName<StandardStage>(stage),
            Outcomes = OutcomeLabels.Split(ProcessReader.Text(element, BpmnNames.Outcomes)),
        };
    }

    private static FlowNode ReadBoundary(XElement element, string id, string name, List<UnsupportedElement> unsupported)
    {
        var timer = element.Element(TimerDefinition);
        var attachedTo = ProcessReader.Text(element, "attachedToRef") ?? string.Empty;
        if (timer is null)
        {
            // A message, error or signal boundary: name its definition so the designer knows what to remove.
            var definition = element.Elements().FirstOrDefault(e => e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal));
            unsupported.Add(new UnsupportedElement(id, name, definition?.Name.LocalName ?? "boundaryEvent"));
            return new UnsupportedNode(id, name, "boundaryEvent");
        }

        var fraction = ProcessReader.Text(element, BpmnNames.LimitFraction);
        var durationText = timer.Element(BpmnNames.Model + "timeDuration")?.Value.Trim();
        var duration = string.IsNullOrEmpty(durationText) ? null : durationText;
        var parsed = fraction is not null ? TimerDuration.ParseFraction(fraction)
            : duration is not null ? TimerDuration.ParseDuration(duration)
            : null;
        foreach (var child in timer.Elements().Where(c => c.Name.LocalName != "timeDuration"))
        {
            unsupported.Add(new UnsupportedElement(id, name, child.Name.LocalName));
        }

        var cancelActivity = ProcessReader.Text(element, "cancelActivity");
        return new BoundaryTimerNode(id, name, attachedTo, !string.Equals(cancelActivity, "false", StringComparison.OrdinalIgnoreCase))
        {
            FractionText = fraction,
            DurationText = duration,
            Duration = parsed is null ? null : ValueOrNull(parsed),
        };
    }

    /// <summary>Loop markers, data associations, other event definitions and the like are named, never dropped.</summary>
    private static void ReportUnsupportedChildren(XElement element, FlowNode node, XName? supportedChild, List<UnsupportedElement> unsupported)
    {
        foreach (var child in element.Elements())
        {
            if (child.Name == supportedChild || (child.Name.Namespace == BpmnNames.Model && BpmnNames.IgnoredInNode.Contains(child.Name.LocalName)))
            {
                continue;
            }

            unsupported.Add(new UnsupportedElement(node.Id, node.Name, child.Name.LocalName));
        }
    }

    /// <summary>The value of a success; null for a failure, which the validator reports with its message.</summary>
    private static T? ValueOrNull<T>(Common.Result<T> result)
        where T : class => result.IsSuccess ? result.Value : null;

    /// <summary>An enum member by its exact name; numbers and unknown names give null.</summary>
    private static TEnum? ParseName<TEnum>(string? text)
        where TEnum : struct, Enum =>
        text is not null && char.IsAsciiLetter(text[0]) && Enum.TryParse<TEnum>(text, ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : null;
}

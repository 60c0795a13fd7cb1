using System.Xml.Linq;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Workflows.Model;

namespace CityMgmt.Domain.Workflows.Parsing;

/// <summary>Turns the children of one <c>process</c> element into nodes, flows and a list of what is unsupported.</summary>
internal sealed class ProcessReader
{
    private readonly List<FlowNode> _nodes = [];
    private readonly List<SequenceFlow> _flows = [];
    private readonly List<UnsupportedElement> _unsupported = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public static Result<WorkflowProcess> Read(XElement process)
    {
        var id = Text(process, "id");
        if (id is null)
        {
            return WorkflowErrors.MissingId("process", Text(process, "name") ?? string.Empty);
        }

        var reader = new ProcessReader();
        foreach (var element in process.Elements())
        {
            var error = reader.ReadElement(element);
            if (error is not null)
            {
                return error;
            }
        }

        return new WorkflowProcess(id, Text(process, "name") ?? string.Empty, reader._nodes, reader._flows, reader._unsupported);
    }

    /// <summary>The trimmed attribute value, or null when absent or blank.</summary>
    internal static string? Text(XElement element, XName attribute)
    {
        var value = element.Attribute(attribute)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private Error? ReadElement(XElement element)
    {
        var local = element.Name.LocalName;
        var isBpmn = element.Name.Namespace == BpmnNames.Model;
        if (isBpmn && BpmnNames.Ignored.Contains(local))
        {
            return null;
        }

        var id = Text(element, "id");
        var name = Text(element, "name") ?? string.Empty;
        if (!isBpmn)
        {
            // Another vendor's extension placed in the process: named, not fatal, whether or not it has an id.
            _unsupported.Add(new UnsupportedElement(id ?? string.Empty, name, element.Name.ToString()));
            return null;
        }

        if (id is null)
        {
            return WorkflowErrors.MissingId(local, name);
        }

        if (!_ids.Add(id))
        {
            return WorkflowErrors.DuplicateId(id);
        }

        if (local == "sequenceFlow")
        {
            return ReadFlow(element, id, name);
        }

        var node = NodeReader.Read(element, id, name, _unsupported);
        if (node is not null)
        {
            _nodes.Add(node);
        }
        else if (BpmnNames.UnsupportedFlowNodes.Contains(local))
        {
            _nodes.Add(new UnsupportedNode(id, name, local));
            _unsupported.Add(new UnsupportedElement(id, name, local));
        }
        else
        {
            _unsupported.Add(new UnsupportedElement(id, name, local));
        }

        return null;
    }

    private Error? ReadFlow(XElement element, string id, string name)
    {
        var source = Text(element, "sourceRef");
        var target = Text(element, "targetRef");
        if (source is null || target is null)
        {
            return WorkflowErrors.FlowEndsMissing(id);
        }

        var condition = element.Element(BpmnNames.Model + "conditionExpression")?.Value.Trim();
        _flows.Add(new SequenceFlow(id, name, source, target, string.IsNullOrEmpty(condition) ? null : condition));
        foreach (var child in element.Elements().Where(c => c.Name.LocalName is not ("conditionExpression" or "documentation" or "extensionElements")))
        {
            _unsupported.Add(new UnsupportedElement(id, name, child.Name.LocalName));
        }

        return null;
    }
}

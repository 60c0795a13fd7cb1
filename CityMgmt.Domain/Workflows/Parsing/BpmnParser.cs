using CityMgmt.Domain.Common;
using CityMgmt.Domain.Workflows.Model;

namespace CityMgmt.Domain.Workflows.Parsing;

/// <summary>
/// Reads a BPMN 2.0 document into a <see cref="WorkflowProcess"/>. Fails only when the document cannot be read
/// as one process (unsafe, too large, not XML, not BPMN, missing or duplicate ids); everything else, such as
/// unsupported elements or bad <c>cm:</c> values, is kept in the model for <see cref="Validation.WorkflowValidator"/>
/// to report all at once. Diagram interchange (BPMNDiagram) is layout only and is not read.
/// </summary>
public static class BpmnParser
{
    /// <summary>1 MiB of text: the standard process is about 30 KB with its diagram.</summary>
    public const int DefaultMaxCharacters = 1024 * 1024;

    public static Result<WorkflowProcess> Parse(string xml, int maxCharacters = DefaultMaxCharacters)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCharacters);
        var document = SafeXml.Load(xml, maxCharacters);
        if (document.IsFailure)
        {
            return document.Error;
        }

        var root = document.Value.Root!;
        if (root.Name != BpmnNames.Model + "definitions")
        {
            return WorkflowErrors.NotBpmn;
        }

        var processes = root.Elements(BpmnNames.Model + "process").ToList();
        return processes.Count switch
        {
            0 => WorkflowErrors.NoProcess,
            1 => ProcessReader.Read(processes[0]),
            _ => WorkflowErrors.SeveralProcesses(processes.Count),
        };
    }
}

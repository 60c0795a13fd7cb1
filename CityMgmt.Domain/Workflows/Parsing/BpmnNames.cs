using System.Collections.Frozen;
using System.Xml.Linq;

namespace CityMgmt.Domain.Workflows.Parsing;

/// <summary>The XML names we read: BPMN 2.0 model elements and our <c>cm:</c> extension attributes.</summary>
public static class BpmnNames
{
    public const string ModelNamespaceUri = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    /// <summary>Our extension namespace, written with the prefix <c>cm</c>.</summary>
    public const string ExtensionNamespaceUri = "http://citymgmt.cn/schema/bpmn/1.0";

    public const string ExtensionPrefix = "cm";

    public static readonly XNamespace Model = ModelNamespaceUri;
    public static readonly XNamespace Cm = ExtensionNamespaceUri;

    public static readonly XName Role = Cm + "role";
    public static readonly XName Assignment = Cm + "assignment";
    public static readonly XName Limit = Cm + "limit";
    public static readonly XName Outcomes = Cm + "outcomes";
    public static readonly XName Stage = Cm + "stage";
    public static readonly XName Action = Cm + "action";
    public static readonly XName LimitFraction = Cm + "limitFraction";

    /// <summary>Children of the process that only annotate or lay out; they never change routing.</summary>
    public static readonly FrozenSet<string> Ignored = FrozenSet.ToFrozenSet(
        ["documentation", "extensionElements", "laneSet", "textAnnotation", "association", "group"], StringComparer.Ordinal);

    /// <summary>Children of a node that restate what the sequence flows say or only annotate.</summary>
    public static readonly FrozenSet<string> IgnoredInNode = FrozenSet.ToFrozenSet(
        ["incoming", "outgoing", "documentation", "extensionElements"], StringComparer.Ordinal);

    /// <summary>
    /// BPMN flow nodes we do not execute. They become <see cref="Model.UnsupportedNode"/>s so the flows touching
    /// them still resolve and only the node itself is reported.
    /// </summary>
    public static readonly FrozenSet<string> UnsupportedFlowNodes = FrozenSet.ToFrozenSet(
        [
            "task", "sendTask", "receiveTask", "scriptTask", "manualTask", "businessRuleTask", "callActivity",
            "subProcess", "transaction", "adHocSubProcess", "intermediateThrowEvent", "intermediateCatchEvent",
            "inclusiveGateway", "complexGateway", "eventBasedGateway",
        ],
        StringComparer.Ordinal);
}

using System.Xml.Linq;

namespace CityMgmt.Tests.Infrastructure.Workflows;

/// <summary>Edits of the standard flow's XML, as an administrator would make them in the designer.</summary>
internal static class StandardFlowEdits
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Cm = "http://citymgmt.cn/schema/bpmn/1.0";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>
    /// 立案 → gateway "街面秩序?" → 分中心审核 (sub-centre shift leader, 1 working hour) → 派遣; other classes go
    /// straight to 派遣 by the gateway's default flow.
    /// </summary>
    public static string InsertSubCentreReview(string xml)
    {
        var document = XDocument.Parse(xml);
        var process = document.Root!.Element(Bpmn + "process")!;
        var filed = process.Elements(Bpmn + "sequenceFlow").Single(f => (string?)f.Attribute("id") == "Flow_Filed");
        filed.SetAttributeValue("targetRef", "Gateway_StreetOrder");
        process.Add(
            new XElement(Bpmn + "exclusiveGateway", new XAttribute("id", "Gateway_StreetOrder"), new XAttribute("name", "街面秩序?"), new XAttribute("default", "Flow_OtherClasses")),
            new XElement(Bpmn + "userTask", new XAttribute("id", "Task_SubCentreReview"), new XAttribute("name", "分中心审核"),
                new XAttribute(Cm + "role", "ShiftLeader"), new XAttribute(Cm + "assignment", "SubCentreShiftLeader"),
                new XAttribute(Cm + "limit", "1 WorkingHours"), new XAttribute(Cm + "stage", "Filing"), new XAttribute(Cm + "outcomes", "同意")),
            new XElement(Bpmn + "sequenceFlow", new XAttribute("id", "Flow_StreetOrder"), new XAttribute("sourceRef", "Gateway_StreetOrder"), new XAttribute("targetRef", "Task_SubCentreReview"),
                new XElement(Bpmn + "conditionExpression", new XAttribute(Xsi + "type", "bpmn:tFormalExpression"), "categoryMajor == '05'")),
            new XElement(Bpmn + "sequenceFlow", new XAttribute("id", "Flow_OtherClasses"), new XAttribute("sourceRef", "Gateway_StreetOrder"), new XAttribute("targetRef", "Task_Dispatch")),
            new XElement(Bpmn + "sequenceFlow", new XAttribute("id", "Flow_Reviewed"), new XAttribute("sourceRef", "Task_SubCentreReview"), new XAttribute("targetRef", "Task_Dispatch")));
        return document.ToString();
    }

    /// <summary>Removes the condition of 回退 so the 处置 gateway has two unconditioned flows and no default.</summary>
    public static string BreakDisposalGateway(string xml)
    {
        var document = XDocument.Parse(xml);
        var returned = document.Descendants(Bpmn + "sequenceFlow").Single(f => (string?)f.Attribute("id") == "Flow_Returned");
        returned.Element(Bpmn + "conditionExpression")!.Remove();
        return document.ToString();
    }
}

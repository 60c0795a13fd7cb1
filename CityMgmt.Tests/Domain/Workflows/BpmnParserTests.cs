using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Workflows.Model;
using CityMgmt.Domain.Workflows.Parsing;
using static CityMgmt.Tests.Domain.Workflows.WorkflowKit;

namespace CityMgmt.Tests.Domain.Workflows;

public class BpmnParserTests
{
    [Fact]
    public void Parse_Process_ReadsIdNameNodesAndFlowsInDocumentOrder()
    {
        var process = Parse(Linear());

        process.Id.ShouldBe("p");
        process.Name.ShouldBe("测试流程");
        process.Nodes.Select(n => n.Id).ShouldBe(["start", "A", "end"]);
        process.Flows.Select(f => f.Id).ShouldBe(["f1", "f2"]);
        process.Outgoing("start").Single().TargetRef.ShouldBe("A");
        process.Incoming("end").Single().SourceRef.ShouldBe("A");
        process.Unsupported.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_EndEvents_TellTerminateFromPlain()
    {
        var process = Parse("""
            <bpmn:endEvent id="plain" />
            <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
            """);

        process.Node("plain").ShouldBeOfType<EndEventNode>().Terminate.ShouldBeFalse();
        process.Node("stop").ShouldBeOfType<EndEventNode>().Terminate.ShouldBeTrue();
        process.Unsupported.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_UserTask_ReadsEveryExtensionAttribute()
    {
        var process = Parse("""
            <bpmn:userTask id="t" name="核查" cm:role="Supervisor" cm:assignment="GridSupervisor" cm:limit="0.5 WorkingHours"
                           cm:stage="Check" cm:outcomes="通过， 不通过 ,返工" />
            """);

        var task = process.Node("t").ShouldBeOfType<UserTaskNode>();
        task.Name.ShouldBe("核查");
        task.Role.ShouldBe("Supervisor");
        task.Assignment.ShouldBe(TaskAssignment.GridSupervisor);
        task.Limit.ShouldBe(TaskLimit.Of(new TimeLimit(0.5m, TimeLimitUnit.WorkingHours)));
        task.Stage.ShouldBe(StandardStage.Check);
        task.Outcomes.ShouldBe(["通过", "不通过", "返工"]);
    }

    [Fact]
    public void Parse_UserTaskWithCategoryLimit_UsesCategory() =>
        Parse("""<bpmn:userTask id="t" cm:limit="category" />""").Node("t").ShouldBeOfType<UserTaskNode>().Limit!.UsesCategory.ShouldBeTrue();

    [Fact]
    public void Parse_UnreadableAttributes_KeepsTextAndLeavesValueEmpty()
    {
        var task = Parse("""<bpmn:userTask id="t" cm:assignment="Boss" cm:limit="4 工作时" cm:stage="1" />""").Node("t").ShouldBeOfType<UserTaskNode>();

        task.AssignmentText.ShouldBe("Boss");
        task.Assignment.ShouldBeNull();
        task.LimitText.ShouldBe("4 工作时");
        task.Limit.ShouldBeNull();
        task.StageText.ShouldBe("1");
        task.Stage.ShouldBeNull();
    }

    [Fact]
    public void Parse_ServiceTask_ReadsAction() =>
        Parse("""<bpmn:serviceTask id="s" cm:action="MarkOverdue" />""").Node("s").ShouldBeOfType<ServiceTaskNode>().Action.ShouldBe("MarkOverdue");

    [Fact]
    public void Parse_Gateways_ReadKindAndDefault()
    {
        var process = Parse("""
            <bpmn:exclusiveGateway id="x" default="fd" />
            <bpmn:parallelGateway id="par" />
            """);

        process.Node("x").ShouldBeOfType<ExclusiveGatewayNode>().DefaultFlowId.ShouldBe("fd");
        process.Node("par").Kind.ShouldBe(NodeKind.ParallelGateway);
    }

    [Fact]
    public void Parse_ConditionExpression_IsTrimmedAndEntitiesDecoded()
    {
        var process = Parse(Flow("f", "a", "b", " outcome == '回退' &amp;&amp; isUrgent "));

        process.Flows.Single().Condition.ShouldBe("outcome == '回退' && isUrgent");
    }

    [Theory]
    [InlineData("""cancelActivity="false" cm:limitFraction="0.8">""", false)]
    [InlineData("""cm:limitFraction="0.8">""", true)]
    public void Parse_TimerBoundaryWithFraction_ReadsFractionAndInterrupting(string attributes, bool interrupting)
    {
        var timer = Parse($"""<bpmn:boundaryEvent id="b" attachedToRef="t" {attributes}<bpmn:timerEventDefinition /></bpmn:boundaryEvent>""")
            .Node("b").ShouldBeOfType<BoundaryTimerNode>();

        timer.AttachedToRef.ShouldBe("t");
        timer.Interrupting.ShouldBe(interrupting);
        timer.Duration.ShouldBe(new FractionOfTaskLimit(0.8m));
    }

    [Theory]
    [InlineData("PT2H", 2 * 60)]
    [InlineData("PT30M", 30)]
    [InlineData("P1DT1H", 25 * 60)]
    public void Parse_TimerWithIsoDuration_ReadsNaturalTime(string duration, int minutes) =>
        Parse($"""<bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">{duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>""")
            .Node("b").ShouldBeOfType<BoundaryTimerNode>().Duration.ShouldBe(new NaturalDuration(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void Parse_TimerWithMachineLimit_ReadsWorkingLimit() =>
        Parse("""<bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:timerEventDefinition><bpmn:timeDuration>2 WorkingHours</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>""")
            .Node("b").ShouldBeOfType<BoundaryTimerNode>().Duration.ShouldBe(new LimitDuration(new TimeLimit(2, TimeLimitUnit.WorkingHours)));

    [Theory]
    [InlineData("inclusiveGateway")]
    [InlineData("subProcess")]
    [InlineData("scriptTask")]
    [InlineData("manualTask")]
    [InlineData("intermediateCatchEvent")]
    public void Parse_UnsupportedFlowNode_IsNamedAndKeptAsNode(string element)
    {
        var process = Parse($"""<bpmn:{element} id="x" name="某节点" />""");

        process.Unsupported.ShouldBe([new UnsupportedElement("x", "某节点", element)]);
        process.Node("x").ShouldBeOfType<UnsupportedNode>().ElementName.ShouldBe(element);
    }

    [Fact]
    public void Parse_MessageBoundaryEvent_IsNamedByItsDefinition()
    {
        var process = Parse("""<bpmn:boundaryEvent id="m" name="收到消息" attachedToRef="t"><bpmn:messageEventDefinition /></bpmn:boundaryEvent>""");

        process.Unsupported.ShouldBe([new UnsupportedElement("m", "收到消息", "messageEventDefinition")]);
        process.Node("m").Kind.ShouldBe(NodeKind.Unsupported);
    }

    [Fact]
    public void Parse_UnsupportedChildren_AreNamedOnTheirNode()
    {
        var process = Parse("""
            <bpmn:startEvent id="s" name="定时开始"><bpmn:timerEventDefinition /></bpmn:startEvent>
            <bpmn:userTask id="t" name="会签"><bpmn:incoming>f</bpmn:incoming><bpmn:multiInstanceLoopCharacteristics /></bpmn:userTask>
            <bpmn:endEvent id="e" name="报错"><bpmn:errorEventDefinition /></bpmn:endEvent>
            <bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:timerEventDefinition><bpmn:timeCycle>R3/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:dataObject id="d" name="材料" />
            """);

        process.Unsupported.ShouldBe(
        [
            new UnsupportedElement("s", "定时开始", "timerEventDefinition"),
            new UnsupportedElement("t", "会签", "multiInstanceLoopCharacteristics"),
            new UnsupportedElement("e", "报错", "errorEventDefinition"),
            new UnsupportedElement("b", string.Empty, "timeCycle"),
            new UnsupportedElement("d", "材料", "dataObject"),
        ]);
    }

    [Fact]
    public void Parse_ForeignElementInProcess_IsNamedWithItsNamespace()
    {
        var process = Parse("""<x:listener xmlns:x="urn:other-vendor" class="com.example.Hook" />""");

        process.Unsupported.ShouldBe([new UnsupportedElement(string.Empty, string.Empty, "{urn:other-vendor}listener")]);
    }

    [Fact]
    public void Parse_ArtifactsAndDiagram_AreIgnored()
    {
        var xml = Document("""
            <bpmn:documentation>说明</bpmn:documentation>
            <bpmn:laneSet id="ls"><bpmn:lane id="l1" /></bpmn:laneSet>
            <bpmn:textAnnotation id="ta"><bpmn:text>备注</bpmn:text></bpmn:textAnnotation>
            <bpmn:association id="as" sourceRef="ta" targetRef="s" />
            <bpmn:startEvent id="s" />
            """).Replace("</bpmn:definitions>", """<bpmndi:BPMNDiagram xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" id="dia" /></bpmn:definitions>""", StringComparison.Ordinal);

        var process = BpmnParser.Parse(xml).Value;

        process.Nodes.Select(n => n.Id).ShouldBe(["s"]);
        process.Unsupported.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_DuplicateId_Fails() =>
        BpmnParser.Parse(Document("""<bpmn:startEvent id="a" /><bpmn:endEvent id="a" />""")).Error.Message.ShouldBe("元素标识“a”重复");

    [Fact]
    public void Parse_ElementWithoutId_FailsNamingIt() =>
        BpmnParser.Parse(Document("""<bpmn:userTask name="受理" />""")).Error.Message.ShouldBe("元素 userTask“受理”缺少 id 属性");

    [Fact]
    public void Parse_FlowWithoutTarget_Fails() =>
        BpmnParser.Parse(Document("""<bpmn:sequenceFlow id="f" sourceRef="a" />""")).Error.Code.ShouldBe("Workflow.FlowEndsMissing");

    [Fact]
    public void Parse_NotBpmn_Fails() =>
        BpmnParser.Parse("<definitions><process id='p' /></definitions>").Error.Code.ShouldBe("Workflow.NotBpmn");

    [Fact]
    public void Parse_NoProcess_Fails() =>
        BpmnParser.Parse($"""<bpmn:definitions xmlns:bpmn="{BpmnNames.ModelNamespaceUri}" />""").Error.Message.ShouldBe("流程文件中没有流程（process）");

    [Fact]
    public void Parse_TwoProcesses_Fails() =>
        BpmnParser.Parse($"""<bpmn:definitions xmlns:bpmn="{BpmnNames.ModelNamespaceUri}"><bpmn:process id="a" /><bpmn:process id="b" /></bpmn:definitions>""")
            .Error.Message.ShouldBe("只支持一个流程，文件中有 2 个流程（process）");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Empty_Fails(string xml) => BpmnParser.Parse(xml).Error.Message.ShouldBe("流程文件为空");
}

using CityMgmt.Domain.Workflows.Validation;
using static CityMgmt.Tests.Domain.Workflows.WorkflowKit;

namespace CityMgmt.Tests.Domain.Workflows;

/// <summary>Structure and graph rules; task, timer and condition rules are in <see cref="ElementValidationTests"/>.</summary>
public class WorkflowValidatorTests
{
    internal static IReadOnlyList<ValidationProblem> Problems(string body, ValidationOptions? options = null) =>
        WorkflowValidator.Validate(Parse(body), options);

    internal static ValidationProblem Single(string body, string code) =>
        Problems(body).Where(p => p.Code == code).ShouldHaveSingleItem();

    [Fact]
    public void Validate_LinearProcess_HasNoProblems() => Problems(Linear()).ShouldBeEmpty();

    [Fact]
    public void Validate_UnsupportedElement_IsListedWithIdAndName()
    {
        var problem = Single(Linear() + """<bpmn:inclusiveGateway id="inc" name="包容网关" />""", ProblemCodes.Unsupported);

        problem.ElementId.ShouldBe("inc");
        problem.ElementName.ShouldBe("包容网关");
        problem.Message.ShouldBe("不支持的元素 inclusiveGateway：引擎不会执行它，请删除或改用支持的元素");
    }

    [Fact]
    public void Validate_NoStart_ReportsOnTheProcess()
    {
        var problem = Single("""<bpmn:endEvent id="end" />""", ProblemCodes.StartCount);

        problem.ElementId.ShouldBe("p");
        problem.Message.ShouldBe("流程没有开始事件");
    }

    [Fact]
    public void Validate_TwoStarts_ReportsTheSecond() =>
        Single(Linear() + """<bpmn:startEvent id="start2" />""" + Flow("f9", "start2", "A"), ProblemCodes.StartCount).ElementId.ShouldBe("start2");

    [Fact]
    public void Validate_FlowToMissingNode_IsReported() =>
        Single(Linear() + Flow("bad", "A", "ghost"), ProblemCodes.DanglingFlow).Message.ShouldBe("连线的终点“ghost”不存在");

    [Fact]
    public void Validate_TaskWithTwoOutgoingFlows_AsksForAGateway()
    {
        var problem = Single(Linear() + """<bpmn:endEvent id="end2" />""" + Flow("f3", "A", "end2"), ProblemCodes.FlowCount);

        problem.ElementId.ShouldBe("A");
        problem.Message.ShouldBe("此节点必须恰好有一条流出的连线（现有 2 条）；需要分支时请使用网关");
    }

    [Fact]
    public void Validate_EndWithOutgoingFlow_IsReported() =>
        Problems(Linear() + Flow("f3", "end", "A")).ShouldContain(p => p.Code == ProblemCodes.FlowCount && p.ElementId == "end");

    [Fact]
    public void Validate_FlowIntoStart_IsReported() =>
        Problems(Linear() + Flow("f3", "A", "start")).ShouldContain(p => p.Code == ProblemCodes.FlowCount && p.Message == "开始事件不能有流入的连线");

    [Fact]
    public void Validate_GatewayWithoutOutgoing_IsReported() =>
        Problems(Linear() + """<bpmn:parallelGateway id="g" />""" + Flow("fx", "start", "g"))
            .ShouldContain(p => p.ElementId == "g" && p.Message == "网关必须至少有一条流入和一条流出的连线");

    [Fact]
    public void Validate_UnreachableNode_IsReported()
    {
        var problem = Single(Linear() + UserTask("island") + Flow("f3", "island", "end"), ProblemCodes.Unreachable);

        problem.ElementId.ShouldBe("island");
        problem.Message.ShouldBe("从开始事件无法到达此节点");
    }

    [Fact]
    public void Validate_NodeThatCannotReachAnEnd_IsReported()
    {
        var body = """
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="g" default="toEnd" />
            <bpmn:userTask id="A" cm:role="Operator" />
            <bpmn:userTask id="B" cm:role="Operator" />
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "g") + Flow("toEnd", "g", "end") + Flow("toA", "g", "A", "isUrgent") + Flow("ab", "A", "B") + Flow("ba", "B", "A");

        Problems(body).Where(p => p.Code == ProblemCodes.NoEndReachable).Select(p => p.ElementId).ShouldBe(["A", "B"]);
    }

    [Fact]
    public void Validate_LoopThroughGatewaysOnly_IsReportedOnce()
    {
        var body = """
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="g1" default="g1g2" />
            <bpmn:exclusiveGateway id="g2" default="g2g1" />
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "g1") + Flow("g1g2", "g1", "g2") + Flow("g2g1", "g2", "g1") + Flow("out", "g2", "end", "isUrgent");

        var problem = Single(body, ProblemCodes.LoopWithoutTask);

        problem.ElementId.ShouldBe("g1");
        problem.Message.ShouldBe("此节点处于没有人工任务的循环中，流程会无限循环");
    }

    [Fact]
    public void Validate_LoopBackToATask_IsFine()
    {
        var body = """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="A" cm:role="Operator" cm:outcomes="再来,完成" />
            <bpmn:exclusiveGateway id="g" default="done" />
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "A") + Flow("f2", "A", "g") + Flow("again", "g", "A", "outcome == '再来'") + Flow("done", "g", "end");

        Problems(body).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_JoinFedOnlyByExclusiveBranches_WouldWaitForever()
    {
        var body = """
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="x" default="x2" />
            <bpmn:userTask id="A" cm:role="Operator" />
            <bpmn:userTask id="B" cm:role="Operator" />
            <bpmn:parallelGateway id="join" />
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "x") + Flow("x1", "x", "A", "isUrgent") + Flow("x2", "x", "B")
            + Flow("a", "A", "join") + Flow("b", "B", "join") + Flow("f9", "join", "end");

        Single(body, ProblemCodes.JoinWithoutFork).ElementId.ShouldBe("join");
    }

    [Fact]
    public void Validate_ForkAndJoin_AreFine() => Problems(EngineRoutingTests.ForkJoin).ShouldBeEmpty();

    [Fact]
    public void Validate_ExclusiveFlowWithoutConditionOrDefault_IsReportedOnTheFlow()
    {
        var body = """
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="g" name="判断" />
            <bpmn:endEvent id="e1" />
            <bpmn:endEvent id="e2" />
            """ + Flow("f1", "start", "g") + Flow("c", "g", "e1", "isUrgent") + Flow("plain", "g", "e2");

        var problem = Single(body, ProblemCodes.MissingCondition);

        problem.ElementId.ShouldBe("plain");
        problem.Message.ShouldBe("排他网关“判断”的流出连线必须设置条件，或设为默认出口");
    }

    [Fact]
    public void Validate_DefaultFlowWithCondition_IsReported()
    {
        var body = """<bpmn:startEvent id="start" /><bpmn:exclusiveGateway id="g" default="d" /><bpmn:endEvent id="e1" /><bpmn:endEvent id="e2" />"""
            + Flow("f1", "start", "g") + Flow("c", "g", "e1", "isUrgent") + Flow("d", "g", "e2", "not isUrgent");

        Single(body, ProblemCodes.BadDefault).Message.ShouldBe("默认出口不能设置条件");
    }

    [Fact]
    public void Validate_DefaultThatIsNotAnOutgoingFlow_IsReported()
    {
        var body = """<bpmn:startEvent id="start" /><bpmn:exclusiveGateway id="g" default="f1" /><bpmn:endEvent id="e1" />"""
            + Flow("f1", "start", "g") + Flow("c", "g", "e1");

        Single(body, ProblemCodes.BadDefault).Message.ShouldBe("默认出口“f1”不是此网关的流出连线");
    }

    [Fact]
    public void Validate_ConditionOutsideExclusiveGateway_IsReported()
    {
        var body = Linear().Replace(Flow("f2", "A", "end"), Flow("f2", "A", "end", "isUrgent"), StringComparison.Ordinal);

        Single(body, ProblemCodes.ConditionNotAllowed).ElementId.ShouldBe("f2");
    }

    [Fact]
    public void HasErrors_OnlyWarnings_IsFalse() =>
        new[] { new ValidationProblem("a", "", "X", "提示", ProblemSeverity.Warning) }.HasErrors().ShouldBeFalse();
}

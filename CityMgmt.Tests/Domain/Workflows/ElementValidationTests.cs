using CityMgmt.Domain.Workflows.Validation;
using static CityMgmt.Tests.Domain.Workflows.WorkflowKit;
using static CityMgmt.Tests.Domain.Workflows.WorkflowValidatorTests;

namespace CityMgmt.Tests.Domain.Workflows;

/// <summary>Rules on single elements: user tasks, service tasks, timers and conditions.</summary>
public class ElementValidationTests
{
    /// <summary>start → X → end around one task element with id X.</summary>
    private static string Around(string task, string extra = "") => $"""
        <bpmn:startEvent id="start" />
        {task}
        <bpmn:endEvent id="end" />
        {Flow("f1", "start", "X")}
        {Flow("f2", "X", "end")}
        {extra}
        """;

    [Fact]
    public void Validate_UserTaskWithoutRoleOrAssignment_IsReported()
    {
        var problem = Single(Around("""<bpmn:userTask id="X" name="受理" />"""), ProblemCodes.NoPerformer);

        problem.ElementId.ShouldBe("X");
        problem.ElementName.ShouldBe("受理");
        problem.Message.ShouldBe("人工任务必须设置角色（cm:role）或分派规则（cm:assignment）");
    }

    [Fact]
    public void Validate_UserTaskWithAssignmentOnly_IsFine() =>
        Problems(Around("""<bpmn:userTask id="X" cm:assignment="CaseDepartment" />""")).ShouldBeEmpty();

    [Fact]
    public void Validate_UnknownRole_IsReported() =>
        Single(Around("""<bpmn:userTask id="X" cm:role="Boss" />"""), ProblemCodes.UnknownRole).Message
            .ShouldBe("未知角色“Boss”，可选：Supervisor、Operator、ShiftLeader、Dispatcher、Handler、Leader、Admin");

    [Fact]
    public void Validate_UnknownAssignment_IsReported() =>
        Single(Around("""<bpmn:userTask id="X" cm:assignment="Anyone" />"""), ProblemCodes.UnknownAssignment).Message.ShouldStartWith("未知分派规则“Anyone”，可选：Role、");

    [Theory]
    [InlineData("4 工作时")]
    [InlineData("4")]
    [InlineData("WorkingHours 4")]
    [InlineData("4 Hours")]
    [InlineData("1 2")]
    public void Validate_UnreadableLimit_IsReported(string limit) =>
        Single(Around($"""<bpmn:userTask id="X" cm:role="Operator" cm:limit="{limit}" />"""), ProblemCodes.BadLimit).Message.ShouldStartWith($"无法识别的时限“{limit}”");

    [Theory]
    [InlineData("0 WorkingHours", "时限必须大于 0")]
    [InlineData("0.125 WorkingHours", "时限最多保留两位小数")]
    [InlineData("300 WorkingDays", "时限不能超过 250 工作日")]
    public void Validate_LimitOutOfRange_IsReportedWithTheTimeLimitMessage(string limit, string message) =>
        Single(Around($"""<bpmn:userTask id="X" cm:role="Operator" cm:limit="{limit}" />"""), ProblemCodes.BadLimit).Message.ShouldBe(message);

    [Theory]
    [InlineData("category")]
    [InlineData("2 UrgentHours")]
    [InlineData("0.5 WorkingHours")]
    [InlineData("15 WorkingDays")]
    public void Validate_WellFormedLimit_IsFine(string limit) =>
        Problems(Around($"""<bpmn:userTask id="X" cm:role="Operator" cm:limit="{limit}" />""")).ShouldBeEmpty();

    [Fact]
    public void Validate_UnknownStage_ListsStagesWithChineseNames() =>
        Single(Around("""<bpmn:userTask id="X" cm:role="Operator" cm:stage="Review" />"""), ProblemCodes.UnknownStage).Message
            .ShouldBe("未知环节“Review”，可选：Acceptance（受理）、Verification（核实）、Filing（立案）、Dispatch（派遣）、Disposal（处置）、Check（核查）、Closing（结案）");

    [Fact]
    public void Validate_DuplicateOutcome_IsReported() =>
        Single(Around("""<bpmn:userTask id="X" cm:role="Operator" cm:outcomes="通过,回退,通过" />"""), ProblemCodes.BadOutcomes).Message.ShouldBe("处理结果“通过”重复");

    [Fact]
    public void Validate_ServiceTaskWithoutAction_IsReported() =>
        Single(Around("""<bpmn:serviceTask id="X" />"""), ProblemCodes.UnknownAction).Message.ShouldBe("服务任务必须设置动作（cm:action）");

    [Fact]
    public void Validate_ServiceTaskWithUnknownAction_IsReported() =>
        Single(Around("""<bpmn:serviceTask id="X" cm:action="SendFax" />"""), ProblemCodes.UnknownAction).Message
            .ShouldBe("未知动作“SendFax”，可选：MarkOverdue、NotifyDeadlineWarning、NotifyReporter");

    [Fact]
    public void Validate_ActionKnownToTheHost_IsFine() =>
        Problems(Around("""<bpmn:serviceTask id="X" cm:action="SendFax" />"""), ValidationOptions.Default with { KnownActions = new HashSet<string> { "SendFax" } })
            .ShouldBeEmpty();

    [Fact]
    public void Validate_TimerOnMissingTask_IsReported() =>
        Problems(Around(UserTask("X"), Timer("b", "ghost", "0.8", false) + """<bpmn:endEvent id="e2" />""" + Flow("f3", "b", "e2")))
            .ShouldContain(p => p.Code == ProblemCodes.BadAttachment && p.Message == "定时边界事件附着的任务“ghost”不存在");

    [Fact]
    public void Validate_TimerOnServiceTask_IsReported() =>
        Single(Around("""<bpmn:serviceTask id="X" cm:action="MarkOverdue" />""", """<bpmn:boundaryEvent id="b" attachedToRef="X"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:endEvent id="e2" />""" + Flow("f3", "b", "e2")), ProblemCodes.BadAttachment)
            .Message.ShouldBe("定时边界事件只能附着在人工任务上");

    [Theory]
    [InlineData("0", "时限比例 0 超出范围：应大于 0 且不超过 10")]
    [InlineData("10.5", "时限比例 10.5 超出范围：应大于 0 且不超过 10")]
    [InlineData("八成", "无法识别的时限比例“八成”：应为小数，如 0.8")]
    public void Validate_FractionOutOfRange_IsReported(string fraction, string message) =>
        Single(Around(UserTask("X", limit: "4 WorkingHours"), Timer("b", "X", fraction, false) + """<bpmn:endEvent id="e2" />""" + Flow("f3", "b", "e2")), ProblemCodes.BadTimer)
            .Message.ShouldBe(message);

    [Theory]
    [InlineData("0.8")]
    [InlineData("10")]
    public void Validate_FractionInRange_IsFine(string fraction) =>
        Problems(Around(UserTask("X", limit: "4 WorkingHours"), Timer("b", "X", fraction, false) + """<bpmn:endEvent id="e2" />""" + Flow("f3", "b", "e2"))).ShouldBeEmpty();

    [Fact]
    public void Validate_FractionOnTaskWithoutLimit_IsReported() =>
        Single(Around(UserTask("X"), Timer("b", "X", "0.8", false) + """<bpmn:endEvent id="e2" />""" + Flow("f3", "b", "e2")), ProblemCodes.BadTimer)
            .Message.ShouldBe("按时限比例计时，但附着的任务“X”没有设置时限（cm:limit）");

    [Theory]
    [InlineData("", "定时边界事件必须设置时限比例（cm:limitFraction）或时长（timeDuration）")]
    [InlineData("<bpmn:timeDuration>P1M</bpmn:timeDuration>", "无法识别的定时时长“P1M”：应为 ISO-8601 时长（如 PT2H、P1DT4H，不支持年和月）或“数值 单位”（如 2 WorkingHours）")]
    [InlineData("<bpmn:timeDuration>PT0S</bpmn:timeDuration>", "定时时长“PT0S”必须大于 0 且不超过一年")]
    [InlineData("<bpmn:timeDuration>两小时</bpmn:timeDuration>", "无法识别的定时时长“两小时”：应为 ISO-8601 时长（如 PT2H、P1DT4H，不支持年和月）或“数值 单位”（如 2 WorkingHours）")]
    public void Validate_TimerWithoutReadableDuration_IsReported(string definition, string message) =>
        Single(Around(UserTask("X"), $"""<bpmn:boundaryEvent id="b" attachedToRef="X"><bpmn:timerEventDefinition>{definition}</bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:endEvent id="e2" />""" + Flow("f3", "b", "e2")), ProblemCodes.BadTimer)
            .Message.ShouldBe(message);

    [Fact]
    public void Validate_TimerWithFractionAndDuration_IsReported() =>
        Single(Around(UserTask("X", limit: "1 WorkingDays"), """<bpmn:boundaryEvent id="b" attachedToRef="X" cm:limitFraction="0.5"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:endEvent id="e2" />""" + Flow("f3", "b", "e2")), ProblemCodes.BadTimer)
            .Message.ShouldBe("时限比例（cm:limitFraction）和时长（timeDuration）只能设置一种");

    private static string Decision(string condition, string outcomes = "通过,回退") => $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="A" cm:role="Operator" cm:outcomes="{outcomes}" />
        <bpmn:exclusiveGateway id="g" default="d" />
        <bpmn:endEvent id="e1" />
        <bpmn:endEvent id="e2" />
        {Flow("f1", "start", "A")}
        {Flow("f2", "A", "g")}
        {Flow("c", "g", "e1", condition)}
        {Flow("d", "g", "e2")}
        """;

    [Fact]
    public void Validate_ConditionSyntaxError_IsReportedOnTheFlow() =>
        Single(Decision("(outcome == '回退'"), ProblemCodes.BadCondition).ElementId.ShouldBe("c");

    [Fact]
    public void Validate_ConditionWithUnknownVariable_IsReported() =>
        Single(Decision("priority == 1"), ProblemCodes.BadCondition).Message.ShouldStartWith("条件中使用了未知变量“priority”");

    [Fact]
    public void Validate_ConditionWithExtraKnownVariable_IsFine() =>
        Problems(Decision("priority == 1"), ValidationOptions.WithVariables(["priority"])).ShouldBeEmpty();

    [Fact]
    public void Validate_OutcomeNoUpstreamTaskOffers_IsAWarning()
    {
        var problem = Single(Decision("outcome == '退回'"), ProblemCodes.UnknownOutcome);

        problem.Severity.ShouldBe(ProblemSeverity.Warning);
        problem.Message.ShouldBe("条件引用的处理结果“退回”不是上游任何人工任务的可选结果");
    }

    [Fact]
    public void Validate_OutcomeOfferedUpstream_IsFine() => Problems(Decision("outcome in ('回退', '通过')")).ShouldBeEmpty();
}

using CityMgmt.Domain.Workflows.Execution;
using CityMgmt.Domain.Workflows.Model;
using static CityMgmt.Tests.Domain.Workflows.WorkflowKit;

namespace CityMgmt.Tests.Domain.Workflows;

/// <summary>How tokens move through each kind of node.</summary>
public class EngineRoutingTests
{
    /// <summary>start → fork → A and B → join → C → end.</summary>
    internal static readonly string ForkJoin = $"""
        <bpmn:startEvent id="start" />
        <bpmn:parallelGateway id="fork" />
        {UserTask("A")}
        {UserTask("B")}
        <bpmn:parallelGateway id="join" />
        {UserTask("C")}
        <bpmn:endEvent id="end" />
        {Flow("f1", "start", "fork")}
        {Flow("fa", "fork", "A")}
        {Flow("fb", "fork", "B")}
        {Flow("aj", "A", "join")}
        {Flow("bj", "B", "join")}
        {Flow("jc", "join", "C")}
        {Flow("ce", "C", "end")}
        """;

    private static string Decide(string defaultAttribute = """ default="toDefault" """) => $"""
        <bpmn:startEvent id="start" />
        <bpmn:exclusiveGateway id="g" name="分流"{defaultAttribute}/>
        {UserTask("First")}
        {UserTask("Second")}
        {UserTask("Fallback")}
        <bpmn:endEvent id="end" />
        {Flow("f1", "start", "g")}
        {Flow("toFirst", "g", "First", "categoryMajor == '05'")}
        {Flow("toSecond", "g", "Second", "isUrgent")}
        {Flow("toDefault", "g", "Fallback")}
        {Flow("e1", "First", "end")}
        {Flow("e2", "Second", "end")}
        {Flow("e3", "Fallback", "end")}
        """;

    [Fact]
    public void Start_Linear_OpensTheFirstTaskWithItsAttributes()
    {
        var engine = Engine("""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="A" name="受理" cm:role="Operator" cm:assignment="Role" cm:stage="Acceptance" cm:outcomes="受理,作废" />
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "A") + Flow("f2", "A", "end"));

        var step = engine.Start(Vars(), Context()).Ok();

        var opened = step.Events.ShouldHaveSingleItem().ShouldBeOfType<TaskOpened>();
        opened.TaskId.ShouldBe("t1");
        opened.NodeId.ShouldBe("A");
        opened.Name.ShouldBe("受理");
        opened.Role.ShouldBe("Operator");
        opened.Assignment.ShouldBe(TaskAssignment.Role);
        opened.Stage.ShouldBe(StandardStage.Acceptance);
        opened.Outcomes.ShouldBe(["受理", "作废"]);
        opened.DueAt.ShouldBeNull();
        step.State.OpenTasks.ShouldBe([new OpenTask("t1", "A", Monday10, null, null)]);
        step.State.Tokens.ShouldBe([new Token("A", "t1", "f1")]);
        step.State.Variables.ShouldContainKey(WorkflowVariables.Outcome);
        step.State.Completed.ShouldBeFalse();
    }

    [Fact]
    public void CompleteTask_LastTask_CompletesTheInstance()
    {
        var engine = Engine(Linear("完成"));
        var context = Context();
        var started = engine.Start(Vars(), context).Ok();

        var step = engine.CompleteTask(started.State, "t1", "完成", null, context).Ok();

        step.Events.ShouldBe([new TaskClosed("t1", "A", TaskCloseReason.Completed, "完成"), new InstanceCompleted(false)]);
        step.State.Completed.ShouldBeTrue();
        step.State.Terminated.ShouldBeFalse();
        step.State.Tokens.ShouldBeEmpty();
        step.State.OpenTasks.ShouldBeEmpty();
        step.State.Variables[WorkflowVariables.Outcome].ShouldBe("完成");
    }

    [Theory]
    [InlineData("05", true, "First")] // both hold: the first in document order wins
    [InlineData("01", true, "Second")]
    [InlineData("01", false, "Fallback")] // none holds: the default
    [InlineData(null, null, "Fallback")] // unset variables compare as false
    public void Start_ExclusiveGateway_TakesFirstTrueConditionElseDefault(string? major, bool? urgent, string expected) =>
        Engine(Decide()).Start(Vars(("categoryMajor", major), ("isUrgent", urgent)), Context()).Ok().State.OpenNodes().ShouldBe([expected]);

    [Fact]
    public void Start_ExclusiveGatewayWithNoTrueConditionAndNoDefault_FailsNamingTheGateway()
    {
        var body = Decide(defaultAttribute: " ").Replace(Flow("toDefault", "g", "Fallback"), Flow("toDefault", "g", "Fallback", "source == 'Video'"), StringComparison.Ordinal);

        var result = Engine(body).Start(Vars(("categoryMajor", "01"), ("isUrgent", false)), Context());

        result.Error.Code.ShouldBe("Workflow.NoPath");
        result.Error.Message.ShouldBe("网关“分流”没有满足条件的出口，也没有默认出口");
    }

    [Fact]
    public void Start_ConditionOnWrongType_FailsNamingTheFlow()
    {
        var body = Decide().Replace("categoryMajor == '05'", "categoryMajor > 5", StringComparison.Ordinal);

        var result = Engine(body).Start(Vars(("categoryMajor", "甲")), Context());

        result.Error.Code.ShouldBe("Workflow.ConditionFailed");
        result.Error.Message.ShouldBe("连线“toFirst”的条件“categoryMajor > 5”无法计算，请检查变量类型");
    }

    [Fact]
    public void Start_ConditionNotBoolean_Fails()
    {
        var body = Decide().Replace("categoryMajor == '05'", "categoryMajor", StringComparison.Ordinal);

        Engine(body).Start(Vars(("categoryMajor", "05")), Context()).Error.Code.ShouldBe("Workflow.ConditionNotBoolean");
    }

    [Fact]
    public void Start_ServiceTask_RequestsTheActionAndMovesOn()
    {
        var engine = Engine($"""
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="S" cm:action="NotifyReporter" />
            {UserTask("A")}
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "S")}{Flow("f2", "S", "A")}{Flow("f3", "A", "end")}
            """);

        var step = engine.Start(Vars(), Context()).Ok();

        step.Events[0].ShouldBe(new ActionRequested("S", BuiltInActions.NotifyReporter));
        step.Events[1].ShouldBeOfType<TaskOpened>().NodeId.ShouldBe("A");
    }

    [Theory]
    [InlineData("A", "B")]
    [InlineData("B", "A")]
    public void CompleteTask_ParallelBranches_JoinWaitsForBothInEitherOrder(string first, string second)
    {
        var engine = Engine(ForkJoin);
        var context = Context();
        var started = engine.Start(Vars(), context).Ok();
        started.State.OpenNodes().ShouldBe(["A", "B"]);

        var afterFirst = engine.CompleteTask(started.State, started.State.Task(first).Id, null, null, context).Ok();

        afterFirst.State.OpenNodes().ShouldBe([second]);
        afterFirst.Of<TaskOpened>().ShouldBeEmpty();
        var join = afterFirst.State.PendingJoins.ShouldHaveSingleItem();
        join.GatewayId.ShouldBe("join");
        join.ArrivedFlowIds.ShouldBe([first == "A" ? "aj" : "bj"]);

        var afterSecond = engine.CompleteTask(afterFirst.State, afterFirst.State.Task(second).Id, null, null, context).Ok();

        afterSecond.State.OpenNodes().ShouldBe(["C"]);
        afterSecond.State.PendingJoins.ShouldBeEmpty();
        afterSecond.State.Tokens.ShouldBe([new Token("C", "t3", "jc")]);
    }

    [Fact]
    public void CompleteTask_PlainEndWhileAnotherBranchRuns_KeepsTheInstanceOpen()
    {
        var engine = Engine($"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            {UserTask("A")}
            {UserTask("B")}
            <bpmn:endEvent id="endA" />
            <bpmn:endEvent id="endB" />
            {Flow("f1", "start", "fork")}{Flow("fa", "fork", "A")}{Flow("fb", "fork", "B")}{Flow("ae", "A", "endA")}{Flow("be", "B", "endB")}
            """);
        var context = Context();
        var started = engine.Start(Vars(), context).Ok();

        var afterA = engine.CompleteTask(started.State, "t1", null, null, context).Ok();
        afterA.State.Completed.ShouldBeFalse();
        afterA.Of<InstanceCompleted>().ShouldBeEmpty();

        var afterB = engine.CompleteTask(afterA.State, "t2", null, null, context).Ok();
        afterB.Of<InstanceCompleted>().ShouldBe([new InstanceCompleted(false)]);
    }

    [Fact]
    public void CompleteTask_TerminateEnd_ClosesOtherTasksAndTimersAndEnds()
    {
        var engine = Engine($"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            {UserTask("A")}
            {UserTask("B", limit: "2 WorkingHours")}
            {Timer("tb", "B", "1.0", interrupting: false)}
            <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "fork")}{Flow("fa", "fork", "A")}{Flow("fb", "fork", "B")}{Flow("as", "A", "stop")}{Flow("be", "B", "end")}{Flow("te", "tb", "end")}
            """);
        var context = Context();
        var started = engine.Start(Vars(), context).Ok();
        started.State.Timers.ShouldHaveSingleItem().Id.ShouldBe("t3");

        var step = engine.CompleteTask(started.State, "t1", null, null, context).Ok();

        step.Events.ShouldBe(
        [
            new TaskClosed("t1", "A", TaskCloseReason.Completed, null),
            new TaskClosed("t2", "B", TaskCloseReason.Terminated, null),
            new TimerCancelled("t3", "tb"),
            new InstanceCompleted(true),
        ]);
        step.State.Completed.ShouldBeTrue();
        step.State.Terminated.ShouldBeTrue();
        step.State.Tokens.ShouldBeEmpty();
        step.State.OpenTasks.ShouldBeEmpty();
        step.State.Timers.ShouldBeEmpty();
    }

    [Fact]
    public void Start_GatewayLoopWithoutTask_FailsInsteadOfSpinning()
    {
        var engine = Engine("""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="g1" />
            <bpmn:exclusiveGateway id="g2" />
            """ + Flow("f1", "start", "g1") + Flow("a", "g1", "g2") + Flow("b", "g2", "g1"));

        engine.Start(Vars(), Context()).Error.Code.ShouldBe("Workflow.EndlessLoop");
    }

    [Fact]
    public void Start_UnsupportedNode_FailsNamingIt()
    {
        var engine = Engine("""<bpmn:startEvent id="start" /><bpmn:inclusiveGateway id="inc" name="包容" />""" + Flow("f1", "start", "inc"));

        engine.Start(Vars(), Context()).Error.Message.ShouldBe("节点“包容”无法执行：请先通过流程校验再发布");
    }

    [Fact]
    public void Start_NoStartEvent_Fails() =>
        Engine(UserTask("A")).Start(Vars(), Context()).Error.Code.ShouldBe("Workflow.NoStartEvent");
}

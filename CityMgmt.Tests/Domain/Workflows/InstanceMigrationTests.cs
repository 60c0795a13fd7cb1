using CityMgmt.Domain.Workflows.Execution;
using CityMgmt.Domain.Workflows.Migration;
using static CityMgmt.Tests.Domain.Workflows.WorkflowKit;

namespace CityMgmt.Tests.Domain.Workflows;

public class InstanceMigrationTests
{
    /// <summary>v1: start → A (with timer tA) → B → end.</summary>
    private static readonly string V1 = $"""
        <bpmn:startEvent id="start" />
        {UserTask("A", limit: "4 WorkingHours")}
        {Timer("tA", "A", "0.8", interrupting: false)}
        {UserTask("B")}
        <bpmn:endEvent id="end" />
        {Flow("f1", "start", "A")}{Flow("f2", "A", "B")}{Flow("f3", "B", "end")}{Flow("ft", "tA", "end")}
        """;

    private static readonly Dictionary<string, string> NoMapping = [];

    private static InstanceState AtA() => Engine(V1).Start(Vars(), Context()).Ok().State;

    [Fact]
    public void Plan_SameIdInNewVersion_MapsByIdAndKeepsTasksAndTimers()
    {
        var state = AtA();
        var v2 = Parse(V1.Replace(UserTask("B"), UserTask("B", outcomes: "通过"), StringComparison.Ordinal));

        var plan = InstanceMigration.Plan(Parse(V1), v2, state, NoMapping).Value;

        plan.Mappings.ShouldBe([new NodeMapping("A", "A", MappingSource.SameId)]);
        plan.State.OpenTasks.ShouldBe(state.OpenTasks);
        plan.State.Timers.ShouldBe(state.Timers);
        plan.CancelledTimers.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_RenamedTask_MapsByAdminChoiceAndCancelsTimersItLost()
    {
        var state = AtA();
        var v2 = Parse(V1.Replace("id=\"A\"", "id=\"A2\"", StringComparison.Ordinal).Replace(Timer("tA", "A", "0.8", false), string.Empty, StringComparison.Ordinal)
            .Replace(Flow("ft", "tA", "end"), string.Empty, StringComparison.Ordinal).Replace("\"A\"", "\"A2\"", StringComparison.Ordinal));

        var plan = InstanceMigration.Plan(Parse(V1), v2, state, new Dictionary<string, string> { ["A"] = "A2" }).Value;

        plan.Mappings.ShouldBe([new NodeMapping("A", "A2", MappingSource.Admin)]);
        plan.State.OpenTasks.Single().ShouldBe(state.OpenTasks.Single() with { NodeId = "A2" });
        plan.State.Tokens.Single().NodeId.ShouldBe("A2");
        plan.State.Timers.ShouldBeEmpty();
        plan.CancelledTimers.ShouldBe([new TimerCancelled("t2", "tA")]);
    }

    [Fact]
    public void Plan_MappedTaskKeepsTimerWhoseBoundaryMovedWithIt()
    {
        var state = AtA();
        var v2 = Parse(V1.Replace("id=\"A\"", "id=\"A2\"", StringComparison.Ordinal).Replace("attachedToRef=\"A\"", "attachedToRef=\"A2\"", StringComparison.Ordinal)
            .Replace(Flow("f1", "start", "A"), Flow("f1", "start", "A2"), StringComparison.Ordinal).Replace(Flow("f2", "A", "B"), Flow("f2", "A2", "B"), StringComparison.Ordinal));

        var plan = InstanceMigration.Plan(Parse(V1), v2, state, new Dictionary<string, string> { ["A"] = "A2" }).Value;

        plan.State.Timers.ShouldBe(state.Timers);
        plan.CancelledTimers.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_MigratedState_RunsOnTheNewVersion()
    {
        var state = AtA();
        var v2 = Parse(V1.Replace(Flow("f2", "A", "B"), Flow("f2", "A", "C") + UserTask("C") + Flow("fc", "C", "B"), StringComparison.Ordinal));
        var plan = InstanceMigration.Plan(Parse(V1), v2, state, NoMapping).Value;

        var step = new WorkflowEngine(v2).CompleteTask(plan.State, "t1", null, null, Context() with { NewId = () => "n1" }).Ok();

        step.State.OpenNodes().ShouldBe(["C"]);
    }

    [Fact]
    public void Plan_NodeMissingAndUnmapped_IsRefusedNamingIt()
    {
        var v2 = Parse($"""<bpmn:startEvent id="start" />{UserTask("Other")}<bpmn:endEvent id="end" />{Flow("f1", "start", "Other")}{Flow("f2", "Other", "end")}""");

        var result = InstanceMigration.Plan(Parse(V1), v2, AtA(), NoMapping);

        result.Error.Code.ShouldBe("Workflow.NodesUnmapped");
        result.Error.Message.ShouldBe("以下节点在新版本中不存在或类型不同，请为它们指定对应的新节点：“A”（A）");
    }

    [Fact]
    public void Plan_SameIdButDifferentKind_IsRefused()
    {
        var v2 = Parse(V1.Replace(UserTask("A", limit: "4 WorkingHours"), """<bpmn:serviceTask id="A" cm:action="MarkOverdue" />""", StringComparison.Ordinal));

        InstanceMigration.Plan(Parse(V1), v2, AtA(), NoMapping).Error.Code.ShouldBe("Workflow.NodesUnmapped");
    }

    [Fact]
    public void Plan_MappingToMissingNode_IsRefused() =>
        InstanceMigration.Plan(Parse(V1), Parse(V1), AtA(), new Dictionary<string, string> { ["A"] = "ghost" })
            .Error.Message.ShouldBe("节点“A”映射到的“ghost”在新版本中不存在或类型不同");

    [Fact]
    public void Plan_JoinTokenWhoseFlowIsGone_IsRefused()
    {
        var engine = Engine(EngineRoutingTests.ForkJoin);
        var context = Context();
        var state = engine.CompleteTask(engine.Start(Vars(), context).Ok().State, "t1", null, null, context).Ok().State;
        var v2 = Parse(EngineRoutingTests.ForkJoin.Replace("\"aj\"", "\"aj2\"", StringComparison.Ordinal));

        InstanceMigration.Plan(Parse(EngineRoutingTests.ForkJoin), v2, state, NoMapping)
            .Error.Message.ShouldBe("并行网关“join”在新版本中没有入口连线“aj”，等待中的分支无法迁移");
    }

    [Fact]
    public void Plan_CompletedInstance_IsRefused()
    {
        var engine = Engine(Linear());
        var context = Context();
        var done = engine.CompleteTask(engine.Start(Vars(), context).Ok().State, "t1", null, null, context).Ok().State;

        InstanceMigration.Plan(Parse(Linear()), Parse(Linear()), done, NoMapping).Error.Code.ShouldBe("Workflow.MigrationOfCompleted");
    }
}

using CityMgmt.Domain.Workflows.Execution;
using static CityMgmt.Tests.Domain.Workflows.WorkflowKit;

namespace CityMgmt.Tests.Domain.Workflows;

public class InstanceStateJsonTests
{
    /// <summary>A state with an open task carrying a limit and a timer, a token parked at a join and every variable type.</summary>
    private static (WorkflowEngine Engine, EngineContext Context, InstanceState State) Busy()
    {
        var body = EngineRoutingTests.ForkJoin
            .Replace(UserTask("B"), UserTask("B", limit: "4 WorkingHours") + Timer("tb", "B", "0.8", interrupting: false), StringComparison.Ordinal)
            .Replace(Flow("ce", "C", "end"), Flow("ce", "C", "end") + Flow("te", "tb", "end"), StringComparison.Ordinal);
        var engine = Engine(body);
        var context = Context();
        var started = engine.Start(Vars(("source", "Citizen"), ("needsVerification", true), ("weight", 1.25m), ("note", null)), context).Ok();
        var afterA = engine.CompleteTask(started.State, "t1", null, null, context).Ok();
        return (engine, context, afterA.State);
    }

    [Fact]
    public void Serialize_ThenDeserialize_GivesTheSameState()
    {
        var (_, _, state) = Busy();

        var json = InstanceStateJson.Serialize(state);
        var back = InstanceStateJson.Deserialize(json);

        InstanceStateJson.Serialize(back).ShouldBe(json);
        back.Tokens.ShouldBe(state.Tokens);
        back.OpenTasks.ShouldBe(state.OpenTasks);
        back.Timers.ShouldBe(state.Timers);
        back.Variables.ShouldBe(state.Variables);
        back.PendingJoins.Single().ArrivedFlowIds.ShouldBe(["aj"]);
    }

    [Fact]
    public void Serialize_UsesNamesForEnumsAndPlainValuesForVariables()
    {
        var json = InstanceStateJson.Serialize(Busy().State);

        json.ShouldContain("\"unit\":\"WorkingHours\"");
        json.ShouldContain("\"variables\":{\"needsVerification\":true,\"note\":null,\"outcome\":null,\"source\":\"Citizen\",\"weight\":1.25}");
        json.ShouldNotContain("pendingJoins");
    }

    [Fact]
    public void Deserialized_State_RunsOnLikeTheOriginal()
    {
        var (engine, context, state) = Busy();
        var back = InstanceStateJson.Deserialize(InstanceStateJson.Serialize(state));
        var taskB = state.Task("B").Id;

        var fromOriginal = engine.CompleteTask(state, taskB, null, null, context with { NewId = () => "x" }).Ok();
        var fromCopy = engine.CompleteTask(back, taskB, null, null, context with { NewId = () => "x" }).Ok();

        fromCopy.Events.ShouldBe(fromOriginal.Events, ignoreOrder: false);
        InstanceStateJson.Serialize(fromCopy.State).ShouldBe(InstanceStateJson.Serialize(fromOriginal.State));
        fromCopy.State.OpenNodes().ShouldBe(["C"]);
    }

    [Fact]
    public void Deserialize_NumberVariable_ComesBackAsDecimal() =>
        InstanceStateJson.Deserialize("""{"tokens":[],"openTasks":[],"timers":[],"variables":{"n":3},"completed":false,"terminated":false}""")
            .Variables["n"].ShouldBe(3m);
}

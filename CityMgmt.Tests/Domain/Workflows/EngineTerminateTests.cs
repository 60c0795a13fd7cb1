using CityMgmt.Domain.Workflows.Execution;
using static CityMgmt.Tests.Domain.Workflows.WorkflowKit;

namespace CityMgmt.Tests.Domain.Workflows;

/// <summary>Ending a running instance from outside (its case was merged): nothing is left open.</summary>
public class EngineTerminateTests
{
    private static readonly string Timed = $"""
        <bpmn:startEvent id="start" />
        {UserTask("A", limit: "4 WorkingHours")}
        {Timer("warn", "A", "0.8", interrupting: false)}
        {UserTask("B")}
        <bpmn:parallelGateway id="split" />
        <bpmn:endEvent id="end" />
        {Flow("f0", "start", "split")}
        {Flow("f1", "split", "A")}
        {Flow("f2", "split", "B")}
        {Flow("f3", "A", "end")}
        {Flow("f4", "B", "end")}
        <bpmn:endEvent id="warned" />
        {Flow("w1", "warn", "warned")}
        """;

    private readonly WorkflowEngine _engine = Engine(Timed);

    [Fact]
    public void Terminate_RunningInstance_ClosesEveryTaskAndCancelsEveryTimer()
    {
        var started = _engine.Start(Vars(), Context()).Ok();
        started.State.OpenNodes().ShouldBe(["A", "B"]);

        var step = WorkflowEngine.Terminate(started.State).Ok();

        step.Of<TaskClosed>().Select(c => (c.NodeId, c.Reason)).ShouldBe([("A", TaskCloseReason.Terminated), ("B", TaskCloseReason.Terminated)]);
        step.Of<TimerCancelled>().Single().NodeId.ShouldBe("warn");
        step.Of<InstanceCompleted>().Single().Terminated.ShouldBeTrue();
        (step.State.Completed, step.State.Terminated, step.State.OpenTasks.Length, step.State.Timers.Length).ShouldBe((true, true, 0, 0));
        started.State.OpenTasks.Length.ShouldBe(2);
    }

    [Fact]
    public void Terminate_EndedInstance_IsRefused()
    {
        var ended = WorkflowEngine.Terminate(_engine.Start(Vars(), Context()).Ok().State).Ok();

        WorkflowEngine.Terminate(ended.State).IsFailure.ShouldBeTrue();
    }
}

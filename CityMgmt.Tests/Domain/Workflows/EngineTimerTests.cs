using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Workflows.Execution;
using static CityMgmt.Tests.Domain.Workflows.WorkflowKit;

namespace CityMgmt.Tests.Domain.Workflows;

/// <summary>Timer boundary events: scheduling, firing once, interrupting or not, cancellation.</summary>
public class EngineTimerTests
{
    /// <summary>
    /// A (4 工作时) carries a non-interrupting warning at 0.8 → warn service → end, and an interrupting
    /// escalation at 1.0 → Escalated task. A's normal way out leads to Next.
    /// </summary>
    private static readonly string Timed = $"""
        <bpmn:startEvent id="start" />
        {UserTask("A", limit: "4 WorkingHours")}
        {Timer("warn", "A", "0.8", interrupting: false)}
        {Timer("escalate", "A", "1.0", interrupting: true)}
        <bpmn:serviceTask id="notify" cm:action="NotifyDeadlineWarning" />
        {UserTask("Escalated")}
        {UserTask("Next")}
        <bpmn:endEvent id="end" />
        <bpmn:endEvent id="warned" />
        {Flow("f1", "start", "A")}
        {Flow("f2", "A", "Next")}
        {Flow("f3", "Next", "end")}
        {Flow("w1", "warn", "notify")}
        {Flow("w2", "notify", "warned")}
        {Flow("x1", "escalate", "Escalated")}
        {Flow("x2", "Escalated", "end")}
        """;

    private readonly WorkflowEngine _engine = Engine(Timed);
    private readonly EngineContext _context = Context();

    private StepResult Started() => _engine.Start(Vars(), _context).Ok();

    [Fact]
    public void Start_TaskWithTimers_SchedulesEachOnTheWorkingCalendar()
    {
        var step = Started();

        step.Of<TaskOpened>().Single().DueAt.ShouldBe(Cn("2026-03-02 16:00"));
        step.Of<TimerScheduled>().ShouldBe(
        [
            new TimerScheduled("t2", "warn", "t1", Cn("2026-03-02 15:12"), Interrupting: false),
            new TimerScheduled("t3", "escalate", "t1", Cn("2026-03-02 16:00"), Interrupting: true),
        ]);
        step.State.Timers.Select(t => t.Id).ShouldBe(["t2", "t3"]);
    }

    [Fact]
    public void FireTimer_NonInterrupting_LeavesTaskOpenAndRunsItsBranch()
    {
        var state = Started().State;

        var step = _engine.FireTimer(state, "t2", _context with { Now = Cn("2026-03-02 15:12") }).Ok();

        step.Events.ShouldBe([new ActionRequested("notify", "NotifyDeadlineWarning")]);
        step.State.OpenNodes().ShouldBe(["A"]);
        step.State.Timers.Select(t => t.Id).ShouldBe(["t3"]);
        step.State.Completed.ShouldBeFalse();
    }

    [Fact]
    public void FireTimer_Interrupting_ClosesTaskCancelsItsOtherTimersAndLeavesThroughTheBoundary()
    {
        var state = Started().State;

        var step = _engine.FireTimer(state, "t3", _context with { Now = Cn("2026-03-02 16:30") }).Ok();

        step.Events[0].ShouldBe(new TaskClosed("t1", "A", TaskCloseReason.Interrupted, null));
        step.Events[1].ShouldBe(new TimerCancelled("t2", "warn"));
        step.Events[2].ShouldBeOfType<TaskOpened>().NodeId.ShouldBe("Escalated");
        step.State.OpenNodes().ShouldBe(["Escalated"]);
        step.State.Timers.ShouldBeEmpty();
        step.State.Tokens.ShouldBe([new Token("Escalated", "t4", "x1")]);
    }

    [Fact]
    public void CompleteTask_WithScheduledTimers_CancelsThem()
    {
        var step = _engine.CompleteTask(Started().State, "t1", null, null, _context).Ok();

        step.Events.Take(3).ShouldBe(
        [
            new TaskClosed("t1", "A", TaskCloseReason.Completed, null),
            new TimerCancelled("t2", "warn"),
            new TimerCancelled("t3", "escalate"),
        ]);
        step.State.Timers.ShouldBeEmpty();
        step.State.OpenNodes().ShouldBe(["Next"]);
    }

    [Fact]
    public void FireTimer_Twice_SecondIsRefused()
    {
        var at = _context with { Now = Cn("2026-03-02 15:12") };
        var fired = _engine.FireTimer(Started().State, "t2", at).Ok();

        _engine.FireTimer(fired.State, "t2", at).Error.Message.ShouldBe("定时器“t2”不存在、已触发或已取消");
    }

    [Fact]
    public void FireTimer_CancelledByCompletion_IsRefused()
    {
        var completed = _engine.CompleteTask(Started().State, "t1", null, null, _context).Ok();

        _engine.FireTimer(completed.State, "t3", _context with { Now = Cn("2026-03-03 10:00") }).Error.Code.ShouldBe("Workflow.TimerNotOpen");
    }

    [Fact]
    public void FireTimer_BeforeItIsDue_IsRefused() =>
        _engine.FireTimer(Started().State, "t2", _context with { Now = Cn("2026-03-02 15:11") }).Error.Code.ShouldBe("Workflow.TimerNotDue");

    [Fact]
    public void FireTimer_UnknownId_IsRefused() =>
        _engine.FireTimer(Started().State, "t99", _context).Error.Code.ShouldBe("Workflow.TimerNotOpen");

    [Fact]
    public void Start_CategoryLimit_ComesFromTheContext()
    {
        var engine = Engine(Timed.Replace("4 WorkingHours", "category", StringComparison.Ordinal));

        var step = engine.Start(Vars(), Context(categoryLimit: new TimeLimit(2, TimeLimitUnit.UrgentHours))).Ok();

        step.Of<TaskOpened>().Single().Limit.ShouldBe(new TimeLimit(2, TimeLimitUnit.UrgentHours));
        step.Of<TaskOpened>().Single().DueAt.ShouldBe(Cn("2026-03-02 12:00"));
        step.Of<TimerScheduled>().Select(t => t.DueAt).ShouldBe([Cn("2026-03-02 11:36"), Cn("2026-03-02 12:00")]);
    }

    [Fact]
    public void Start_CategoryLimitMissing_Fails()
    {
        var engine = Engine(Timed.Replace("4 WorkingHours", "category", StringComparison.Ordinal));

        engine.Start(Vars(), Context()).Error.Message.ShouldBe("任务“A”按案件类别计时，但未提供该类别的处置时限");
    }

    [Fact]
    public void Start_IsoDurationTimer_CountsNaturalTime()
    {
        var engine = Engine($"""
            <bpmn:startEvent id="start" />
            {UserTask("A")}
            <bpmn:boundaryEvent id="b" attachedToRef="A" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "A")}{Flow("f2", "A", "end")}{Flow("f3", "b", "end")}
            """);

        var step = engine.Start(Vars(), Context(Cn("2026-03-06 17:00"))).Ok();

        step.Of<TimerScheduled>().Single().DueAt.ShouldBe(Cn("2026-03-06 19:00"));
    }

    [Fact]
    public void Start_MachineLimitTimer_CountsWorkingTime()
    {
        var engine = Engine($"""
            <bpmn:startEvent id="start" />
            {UserTask("A")}
            <bpmn:boundaryEvent id="b" attachedToRef="A" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDuration>2 WorkingHours</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "A")}{Flow("f2", "A", "end")}{Flow("f3", "b", "end")}
            """);

        var step = engine.Start(Vars(), Context(Cn("2026-03-06 17:00"))).Ok();

        step.Of<TimerScheduled>().Single().DueAt.ShouldBe(Cn("2026-03-09 09:00"));
    }
}

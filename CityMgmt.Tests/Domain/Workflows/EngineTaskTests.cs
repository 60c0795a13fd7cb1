using CityMgmt.Domain.Workflows.Execution;
using CityMgmt.Domain.Workflows.Model;
using static CityMgmt.Tests.Domain.Workflows.WorkflowKit;

namespace CityMgmt.Tests.Domain.Workflows;

/// <summary>Completing tasks: outcomes, variables and the refusals the host relies on.</summary>
public class EngineTaskTests
{
    private static readonly string Review = $"""
        <bpmn:startEvent id="start" />
        {UserTask("A", outcomes: "通过,回退", name: "审核")}
        <bpmn:exclusiveGateway id="g" default="pass" />
        {UserTask("Redo")}
        <bpmn:endEvent id="end" />
        {Flow("f1", "start", "A")}
        {Flow("f2", "A", "g")}
        {Flow("back", "g", "Redo", "outcome == '回退' || priority > 1")}
        {Flow("pass", "g", "end")}
        {Flow("f3", "Redo", "end")}
        """;

    private readonly WorkflowEngine _engine = Engine(Review);
    private readonly EngineContext _context = Context();

    private InstanceState Started() => _engine.Start(Vars(("priority", 0)), _context).Ok().State;

    [Fact]
    public void CompleteTask_OfferedOutcome_RoutesOnIt()
    {
        var step = _engine.CompleteTask(Started(), "t1", "回退", null, _context).Ok();

        step.State.OpenNodes().ShouldBe(["Redo"]);
        step.State.Variables[WorkflowVariables.Outcome].ShouldBe("回退");
    }

    [Fact]
    public void CompleteTask_FormData_IsMergedIntoVariablesBeforeRouting()
    {
        var step = _engine.CompleteTask(Started(), "t1", "通过", Vars(("priority", 2), ("remark", "加急")), _context).Ok();

        step.State.OpenNodes().ShouldBe(["Redo"]);
        step.State.Variables["priority"].ShouldBe(2m);
        step.State.Variables["remark"].ShouldBe("加急");
    }

    [Fact]
    public void CompleteTask_OutcomeNotOffered_IsRefusedAndStateStaysUsable()
    {
        var state = Started();
        var json = InstanceStateJson.Serialize(state);

        var refused = _engine.CompleteTask(state, "t1", "作废", null, _context);

        refused.Error.Code.ShouldBe("Workflow.OutcomeNotOffered");
        refused.Error.Message.ShouldBe("“作废”不是任务“审核”可选的处理结果，可选：通过、回退");
        InstanceStateJson.Serialize(state).ShouldBe(json);
        _engine.CompleteTask(state, "t1", "通过", null, _context).IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void CompleteTask_NoOutcomeWhereOutcomesAreOffered_IsRefused(string? outcome) =>
        _engine.CompleteTask(Started(), "t1", outcome, null, _context).Error.Message.ShouldBe("请为任务“审核”选择处理结果：通过、回退");

    [Fact]
    public void CompleteTask_OutcomeWhereNoneAreOffered_IsRefused()
    {
        var engine = Engine(Linear());
        var context = Context();
        var state = engine.Start(Vars(), context).Ok().State;

        engine.CompleteTask(state, "t1", "通过", null, context).Error.Message.ShouldBe("任务“A”没有可选的处理结果，不能选择“通过”");
    }

    [Fact]
    public void CompleteTask_Twice_SecondIsRefused()
    {
        var state = Started();
        var first = _engine.CompleteTask(state, "t1", "回退", null, _context).Ok();

        var second = _engine.CompleteTask(first.State, "t1", "回退", null, _context);

        second.Error.Code.ShouldBe("Workflow.TaskNotOpen");
        second.Error.Message.ShouldBe("任务“t1”不存在或已办结");
    }

    [Fact]
    public void CompleteTask_UnknownTask_IsRefused() =>
        _engine.CompleteTask(Started(), "nope", "通过", null, _context).Error.Code.ShouldBe("Workflow.TaskNotOpen");

    [Fact]
    public void CompleteTask_AfterTheInstanceEnded_IsRefused()
    {
        var done = _engine.CompleteTask(Started(), "t1", "通过", null, _context).Ok().State;

        done.Completed.ShouldBeTrue();
        _engine.CompleteTask(done, "t1", "通过", null, _context).Error.Message.ShouldBe("流程实例已结束，不能再办理");
        _engine.FireTimer(done, "t2", _context).Error.Code.ShouldBe("Workflow.InstanceCompleted");
    }

    [Fact]
    public void Start_Variables_AreNormalisedForConditionsAndJson()
    {
        var state = _engine.Start(Vars(("source", CityMgmt.Domain.Cases.CaseSource.Citizen), ("needsVerification", true), ("count", 3)), _context).Ok().State;

        state.Variables["source"].ShouldBe("Citizen");
        state.Variables["needsVerification"].ShouldBe(true);
        state.Variables["count"].ShouldBe(3m);
    }

    [Fact]
    public void Start_UnsupportedVariableType_IsABug() =>
        Should.Throw<ArgumentException>(() => _engine.Start(Vars(("when", DateTime.UnixEpoch)), _context));

    [Fact]
    public void Ids_ComeFromTheContextGenerator()
    {
        var ids = new Queue<string>(["case-7/task-a", "case-7/task-b"]);
        var context = new EngineContext(Monday10, WorkflowKit.Calendar, ids.Dequeue);

        var state = _engine.Start(Vars(), context).Ok().State;
        var next = _engine.CompleteTask(state, "case-7/task-a", "回退", null, context).Ok();

        next.Of<TaskOpened>().Single().TaskId.ShouldBe("case-7/task-b");
    }
}

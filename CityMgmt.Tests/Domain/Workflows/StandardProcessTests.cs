using CityMgmt.Domain.Workflows.Execution;
using CityMgmt.Domain.Workflows.Model;
using CityMgmt.Domain.Workflows.Parsing;
using CityMgmt.Domain.Workflows.Validation;
using static CityMgmt.Tests.Domain.Workflows.WorkflowKit;

namespace CityMgmt.Tests.Domain.Workflows;

/// <summary>The seeded default process, parsed, validated and walked along every branch of domain.md §1.</summary>
public class StandardProcessTests
{
    [Fact]
    public void Parse_StandardProcess_IsValidWithoutWarnings()
    {
        var process = BpmnParser.Parse(StandardProcess.Xml.Value).Value;

        process.Id.ShouldBe("citymgmt-standard");
        process.Name.ShouldBe("数字城管标准流程");
        WorkflowValidator.Validate(process).ShouldBeEmpty();
    }

    [Fact]
    public void Parse_StandardProcess_HasEveryStageAndTheDisposalTimers()
    {
        var process = StandardProcess.Engine.Value.Process;
        var tasks = process.Nodes.OfType<UserTaskNode>().ToList();

        tasks.Select(t => t.Stage).Distinct().ShouldBe(Enum.GetValues<StandardStage>().Cast<StandardStage?>(), ignoreOrder: true);
        process.TimersOn("Task_Dispose").Select(t => (t.Duration, t.Interrupting))
            .ShouldBe([(new FractionOfTaskLimit(0.8m), false), (new FractionOfTaskLimit(1.0m), false)]);
        process.TimersOn("Task_Verify").ShouldHaveSingleItem();
        process.TimersOn("Task_Check").ShouldHaveSingleItem();
        process.Nodes.OfType<ServiceTaskNode>().Select(s => s.Action).Distinct().ShouldBe(BuiltInActions.All, ignoreOrder: true);
    }

    [Fact]
    public void Walk_SupervisorReport_GoesStraightToFilingAndClosesOnTheMainPath()
    {
        var walk = new CaseWalk(needsVerification: false);
        walk.State.OpenNodes().ShouldBe(["Task_Accept"]);

        walk.Complete("Task_Accept", "受理").Of<TaskOpened>().Single().NodeId.ShouldBe("Task_File");
        var dispatch = walk.Complete("Task_File", "立案").Of<TaskOpened>().Single();
        dispatch.NodeId.ShouldBe("Task_Dispatch");
        dispatch.DueAt.ShouldBe(Cn("2026-03-02 10:40")); // opened 10:10, 0.5 工作时
        var disposal = walk.Complete("Task_Dispatch", "派遣");
        disposal.Of<TaskOpened>().Single().ShouldSatisfyAllConditions(
            t => t.NodeId.ShouldBe("Task_Dispose"),
            t => t.Assignment.ShouldBe(TaskAssignment.CaseDepartment),
            t => t.DueAt.ShouldBe(Cn("2026-03-02 16:15"))); // opened 10:15, 4 工作时 over lunch
        disposal.Of<TimerScheduled>().Select(t => (t.NodeId, t.DueAt))
            .ShouldBe([("Timer_DisposeWarning", Cn("2026-03-02 15:27")), ("Timer_DisposeOverdue", Cn("2026-03-02 16:15"))]);

        var check = walk.Complete("Task_Dispose", "处置完毕");
        check.Of<TimerCancelled>().Select(t => t.NodeId).ShouldBe(["Timer_DisposeWarning", "Timer_DisposeOverdue"]);
        check.Of<TaskOpened>().Single().NodeId.ShouldBe("Task_Check");
        check.Of<TimerScheduled>().Single().NodeId.ShouldBe("Timer_CheckOverdue");

        walk.Complete("Task_Check", "通过").Of<TaskOpened>().Single().NodeId.ShouldBe("Task_Close");
        var closed = walk.Complete("Task_Close", "结案");
        closed.Of<ActionRequested>().ShouldBe([new ActionRequested("Service_NotifyReporter", BuiltInActions.NotifyReporter)]);
        closed.Of<InstanceCompleted>().ShouldBe([new InstanceCompleted(false)]);
        walk.State.Timers.ShouldBeEmpty();
    }

    [Fact]
    public void Walk_CitizenReport_FoundUntrueOnSite_EndsWithoutFiling()
    {
        var walk = new CaseWalk(needsVerification: true);
        walk.Complete("Task_Accept", "受理");

        var untrue = walk.Complete("Task_Verify", "不属实");

        untrue.Of<TaskOpened>().ShouldBeEmpty();
        untrue.Of<TimerCancelled>().ShouldHaveSingleItem();
        untrue.Of<InstanceCompleted>().ShouldBe([new InstanceCompleted(false)]);
    }

    [Fact]
    public void Walk_SelfHandledReport_IsReviewedByTheShiftLeaderAndClosedWithoutFilingOrDispatch()
    {
        var walk = new CaseWalk(needsVerification: false, source: "SelfHandled");

        walk.Complete("Task_Accept", "受理").Of<TaskOpened>().Single().ShouldSatisfyAllConditions(
            t => t.NodeId.ShouldBe("Task_ReviewSelfHandled"),
            t => t.Name.ShouldBe("自行处置审核"),
            t => t.Role.ShouldBe("ShiftLeader"),
            t => t.Stage.ShouldBe(StandardStage.Closing),
            t => t.Outcomes.ShouldBe(["结案", "转立案"]));
        var closed = walk.Complete("Task_ReviewSelfHandled", "结案");

        closed.Of<TaskOpened>().ShouldBeEmpty();
        closed.Of<ActionRequested>().ShouldBeEmpty(); // no citizen to notify
        closed.Of<InstanceCompleted>().ShouldBe([new InstanceCompleted(false)]);
    }

    [Fact]
    public void Walk_SelfHandledReport_SentToFilingByTheReviewer_FollowsTheMainPath()
    {
        var walk = new CaseWalk(needsVerification: false, source: "SelfHandled");
        walk.Complete("Task_Accept", "受理");

        walk.Complete("Task_ReviewSelfHandled", "转立案").Of<TaskOpened>().Single().NodeId.ShouldBe("Task_File");
        walk.Complete("Task_File", "立案").Of<TaskOpened>().Single().NodeId.ShouldBe("Task_Dispatch");
    }

    [Fact]
    public void Walk_CitizenReport_IsVerifiedBeforeFiling()
    {
        var walk = new CaseWalk(needsVerification: true);

        var verify = walk.Complete("Task_Accept", "受理");

        verify.Of<TaskOpened>().Single().ShouldSatisfyAllConditions(
            t => t.NodeId.ShouldBe("Task_Verify"),
            t => t.Assignment.ShouldBe(TaskAssignment.GridSupervisor),
            t => t.DueAt.ShouldBe(Cn("2026-03-02 10:35")));
        verify.Of<TimerScheduled>().Single().DueAt.ShouldBe(Cn("2026-03-02 10:35"));
        var filing = walk.Complete("Task_Verify", "属实");
        filing.Of<TimerCancelled>().ShouldHaveSingleItem();
        walk.State.OpenNodes().ShouldBe(["Task_File"]);
    }

    [Fact]
    public void Walk_VerificationOverdue_MarksOverdueAndKeepsTheTaskOpen()
    {
        var walk = new CaseWalk(needsVerification: true);
        walk.Complete("Task_Accept", "受理");

        walk.Fire("Timer_VerifyOverdue").Events.ShouldBe([new ActionRequested("Service_VerifyOverdue", BuiltInActions.MarkOverdue)]);

        walk.State.OpenNodes().ShouldBe(["Task_Verify"]);
        walk.Complete("Task_Verify", "属实").Of<TaskOpened>().Single().NodeId.ShouldBe("Task_File");
    }

    [Fact]
    public void Walk_NotFiled_EndsTheCase()
    {
        var walk = new CaseWalk(needsVerification: false);
        walk.Complete("Task_Accept", "受理");

        walk.Complete("Task_File", "不予立案").Of<InstanceCompleted>().ShouldHaveSingleItem();

        walk.State.Completed.ShouldBeTrue();
        walk.State.OpenTasks.ShouldBeEmpty();
    }

    [Fact]
    public void Walk_Cancelled_EndsTheCaseAtAcceptance()
    {
        var walk = new CaseWalk(needsVerification: true);

        walk.Complete("Task_Accept", "作废").Events.ShouldBe(
            [new TaskClosed("t1", "Task_Accept", TaskCloseReason.Completed, "作废"), new InstanceCompleted(false)]);
    }

    [Fact]
    public void Walk_ReturnedByDepartment_GoesBackToDispatchAndIsDispatchedAgain()
    {
        var walk = ToDisposal();
        var firstDisposal = walk.State.Task("Task_Dispose").Id;

        var back = walk.Complete("Task_Dispose", "回退");
        back.Of<TimerCancelled>().Length.ShouldBe(2);
        back.Of<TaskOpened>().Single().NodeId.ShouldBe("Task_Dispatch");

        walk.Complete("Task_Dispatch", "派遣").Of<TaskOpened>().Single().NodeId.ShouldBe("Task_Dispose");
        walk.State.Task("Task_Dispose").Id.ShouldNotBe(firstDisposal);
        walk.State.Timers.Length.ShouldBe(2);
    }

    [Fact]
    public void Walk_ExtensionApproved_ReopensDisposalWithANewDeadline()
    {
        var walk = ToDisposal();
        var firstDue = walk.State.Task("Task_Dispose").DueAt;

        walk.Complete("Task_Dispose", "申请延期", minutesLater: 60).Of<TaskOpened>().Single().NodeId.ShouldBe("Task_ApproveExtension");
        var reopened = walk.Complete("Task_ApproveExtension", "同意", minutesLater: 10).Of<TaskOpened>().Single();

        reopened.NodeId.ShouldBe("Task_Dispose");
        reopened.DueAt.ShouldBe(Cn("2026-03-02 17:25")); // reopened 11:25, 4 工作时
        reopened.DueAt.ShouldNotBe(firstDue);
    }

    [Fact]
    public void Walk_ReworkOnceThenPass_GoesBackToDisposalThenCloses()
    {
        var walk = ToDisposal();
        walk.Complete("Task_Dispose", "处置完毕");

        walk.Complete("Task_Check", "不通过").Of<TaskOpened>().Single().NodeId.ShouldBe("Task_Dispose");
        walk.Complete("Task_Dispose", "处置完毕");
        walk.Complete("Task_Check", "通过");
        walk.Complete("Task_Close", "结案");

        walk.State.Completed.ShouldBeTrue();
    }

    [Fact]
    public void Walk_BothDisposalTimersFire_WarnThenMarkOverdueWhileTheTaskStaysOpen()
    {
        var walk = ToDisposal();

        walk.Fire("Timer_DisposeWarning").Events.ShouldBe([new ActionRequested("Service_DeadlineWarning", BuiltInActions.NotifyDeadlineWarning)]);
        walk.Fire("Timer_DisposeOverdue").Events.ShouldBe([new ActionRequested("Service_DisposeOverdue", BuiltInActions.MarkOverdue)]);

        walk.State.OpenNodes().ShouldBe(["Task_Dispose"]);
        walk.State.Timers.ShouldBeEmpty();
        walk.State.Completed.ShouldBeFalse();
        var next = walk.Complete("Task_Dispose", "处置完毕");
        next.Of<TimerCancelled>().ShouldBeEmpty();
        next.Of<TaskOpened>().Single().NodeId.ShouldBe("Task_Check");
    }

    [Fact]
    public void Walk_CheckOverdue_MarksOverdue()
    {
        var walk = ToDisposal();
        walk.Complete("Task_Dispose", "处置完毕");

        walk.Fire("Timer_CheckOverdue").Events.ShouldBe([new ActionRequested("Service_CheckOverdue", BuiltInActions.MarkOverdue)]);
        walk.State.OpenNodes().ShouldBe(["Task_Check"]);
    }

    [Fact]
    public void Walk_ManyCasesInParallel_ShareOneEngineAndAllCloseAlike()
    {
        var transcripts = new string[64];

        Parallel.For(0, transcripts.Length, i =>
        {
            var walk = new CaseWalk(needsVerification: i % 2 == 0);
            var lines = new List<string>();
            foreach (var (node, outcome) in new[] { ("Task_Accept", "受理"), ("Task_Verify", "属实"), ("Task_File", "立案"), ("Task_Dispatch", "派遣"), ("Task_Dispose", "处置完毕"), ("Task_Check", "通过"), ("Task_Close", "结案") })
            {
                if (walk.State.OpenNodes().Contains(node))
                {
                    lines.AddRange(walk.Complete(node, outcome).Events.Select(e => e.ToString()));
                }
            }

            transcripts[i] = string.Join('\n', lines);
        });

        transcripts.Where((_, i) => i % 2 == 0).Distinct().ShouldHaveSingleItem();
        transcripts.Where((_, i) => i % 2 == 1).Distinct().ShouldHaveSingleItem();
        transcripts.ShouldAllBe(t => t.Contains("InstanceCompleted { Terminated = False }"));
    }

    private static CaseWalk ToDisposal()
    {
        var walk = new CaseWalk(needsVerification: false);
        walk.Complete("Task_Accept", "受理");
        walk.Complete("Task_File", "立案");
        walk.Complete("Task_Dispatch", "派遣");
        return walk;
    }
}

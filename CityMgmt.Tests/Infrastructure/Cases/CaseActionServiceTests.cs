using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Calendar;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Workflows;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CityMgmt.Tests.Infrastructure.Cases.CaseActionKit;
using static CityMgmt.Tests.Infrastructure.Workflows.WorkflowTestKit;
using K = CityMgmt.Infrastructure.Cases.CaseActionKind;

namespace CityMgmt.Tests.Infrastructure.Cases;

public class CaseActionServiceTests
{
    [Fact]
    public async Task FullLoop_WithReturnExtensionAndRework_EveryRoleActsThroughTheWorkflowAndTheTimelineIsInOrder()
    {
        var clock = TestClock.Create();
        await using var services = await TestServices.FromTemplateAsync(clock);
        var item = await ReportAsync(services, street: "城关街道");
        var hw = await DepartmentAsync(services, "HW");
        var sz = await DepartmentAsync(services, "SZ");

        await OkAsync(services, "sly", item.Id, K.Register);
        await OkAsync(services, "zbz", item.Id, K.File, new("符合立案条件"));
        await OkAsync(services, "pqy", item.Id, K.Dispatch, new(DepartmentId: hw));
        await OkAsync(services, "hwcz", item.Id, K.SignFor);
        await OkAsync(services, "hwcz", item.Id, K.RequestReturn, new("不属于环卫职责"));
        await OkAsync(services, "pqy", item.Id, K.Dispatch, new("改派市政", sz));
        await OkAsync(services, "czry", item.Id, K.SignFor);
        var dispatched = await CaseAsync(services, item.Id);
        var newDeadline = dispatched.DisposalDeadline!.Value.AddDays(2);
        await OkAsync(services, "czry", item.Id, K.RequestExtension, new("需要采购井盖"));
        await OkAsync(services, "pqy", item.Id, K.ApproveExtension, new("同意延期两天", NewDeadline: newDeadline));
        await OkAsync(services, "czry", item.Id, K.ReportDisposal, new("已处理"));
        await OkAsync(services, "jdy", item.Id, K.CheckFail, new("未清理干净"));
        await OkAsync(services, "czry", item.Id, K.ReportDisposal, new("已彻底清理"));
        await OkAsync(services, "jdy", item.Id, K.CheckPass);
        await OkAsync(services, "zbz", item.Id, K.Close, new(ClosingKind: ClosingKind.Special));

        var closed = await CaseAsync(services, item.Id);
        (closed.Status, closed.ReworkCount, closed.DepartmentId, closed.DisposalDeadline, closed.ClosingKind)
            .ShouldBe((CaseStatus.Closed, 1, (Guid?)sz, (DateTimeOffset?)newDeadline, (ClosingKind?)ClosingKind.Special));
        closed.History.OrderBy(h => h.Sequence).Select(h => h.Action).ShouldBe(
        [
            CaseAction.Reported, CaseAction.Registered, CaseAction.Filed, CaseAction.Dispatched, CaseAction.SignedFor,
            CaseAction.Returned, CaseAction.Dispatched, CaseAction.SignedFor, CaseAction.ExtensionRequested, CaseAction.Extended,
            CaseAction.DisposalReported, CaseAction.CheckFailed, CaseAction.DisposalReported, CaseAction.CheckPassed,
            CaseAction.Closed, CaseAction.ReporterNotified,
        ]);
        closed.History.Single(h => h.Action == CaseAction.Returned).DepartmentId.ShouldBe(hw);
        await using var db = services.NewDb();
        (await db.WorkflowInstances.SingleAsync(i => i.CaseId == item.Id)).Status.ShouldBe(WorkflowInstanceStatus.Completed);
    }

    [Fact]
    public async Task Dispatch_StartsTheClassDisposalLimitInWorkingTime()
    {
        var clock = TestClock.Create();
        await using var services = await TestServices.FromTemplateAsync(clock);
        var item = await ReportAsync(services, street: "城关街道");
        await OkAsync(services, "sly", item.Id, K.Register);
        await OkAsync(services, "zbz", item.Id, K.File);

        await OkAsync(services, "pqy", item.Id, K.Dispatch, new(DepartmentId: await DepartmentAsync(services, "HW")));

        await using var db = services.NewDb();
        var limit = (await db.Categories.SingleAsync(c => c.Id == item.CategoryId)).DisposalLimit!.Value;
        var calendar = await services.Get<CalendarProvider>().GetAsync();
        var dispatched = await CaseAsync(services, item.Id);
        dispatched.DisposalDeadline.ShouldBe(calendar.AddTimeLimit(clock.GetUtcNow(), limit));
        var task = await db.WorkflowTasks.SingleAsync(t => t.CaseId == item.Id && t.Status == WorkflowTaskStatus.Open);
        task.DueAt.ShouldBe(dispatched.DisposalDeadline);
    }

    [Fact]
    public async Task Park_StopsTheClockAndResume_MovesTheDeadlineByTheParkedWorkingTime()
    {
        var clock = TestClock.Create();
        await using var services = await TestServices.FromTemplateAsync(clock);
        var item = await DispatchedAsync(services, "SZ");
        var deadline = (await CaseAsync(services, item.Id)).DisposalDeadline!.Value;

        await OkAsync(services, "czry", item.Id, K.RequestPark, new("需纳入明年改造计划"));
        (await ActAsync(services, "czry", item.Id, K.RequestPark, new("再次申请"))).Error.Message.ShouldBe("已申请挂账，等待派遣员审批");
        await OkAsync(services, "pqy", item.Id, K.ApprovePark, new("同意挂账"));
        (await CaseAsync(services, item.Id)).Status.ShouldBe(CaseStatus.Parked);
        (await ActAsync(services, "czry", item.Id, K.ReportDisposal)).Error.Message.ShouldBe("案件当前状态为“已挂账”，不能处置反馈");

        clock.Advance(TimeSpan.FromDays(1)); // one whole working day (Monday → Tuesday, same hour)
        await OkAsync(services, "pqy", item.Id, K.Resume);

        var resumed = await CaseAsync(services, item.Id);
        resumed.Status.ShouldBe(CaseStatus.InDisposal);
        resumed.DisposalDeadline.ShouldBe(deadline.AddDays(1));
        resumed.History.OrderBy(h => h.Sequence).TakeLast(3).Select(h => h.Action).ShouldBe([CaseAction.ParkRequested, CaseAction.Parked, CaseAction.Resumed]);
        await OkAsync(services, "czry", item.Id, K.ReportDisposal);
    }

    [Fact]
    public async Task Park_SuspendsTheDisposalTimers_AndResume_SchedulesThemAgainBeforeTheNewDeadline()
    {
        var clock = TestClock.Create();
        await using var services = await TestServices.FromTemplateAsync(clock);
        var item = await DispatchedAsync(services, "SZ");
        var sweeper = services.Get<TimerSweeper>();
        var deadline = (await CaseAsync(services, item.Id)).DisposalDeadline!.Value;
        var warningBefore = (await TimersAsync(services, item.Id)).Single(t => t.NodeId == "Timer_DisposeWarning").DueAt;
        await OkAsync(services, "czry", item.Id, K.RequestPark, new("需纳入明年改造计划"));
        await OkAsync(services, "pqy", item.Id, K.ApprovePark, new("同意挂账"));

        // A week parked, far beyond the old deadline: nothing warns and nothing is marked overdue.
        clock.Advance(TimeSpan.FromDays(7));
        (await sweeper.SweepAsync(CancellationToken.None)).ShouldBe(0);
        (await TimersAsync(services, item.Id)).ShouldAllBe(t => t.Status == WorkflowTimerStatus.Suspended);
        (await CaseAsync(services, item.Id)).History.ShouldNotContain(h => h.Action == CaseAction.Overdue || h.Action == CaseAction.DeadlineWarning);

        await OkAsync(services, "pqy", item.Id, K.Resume);

        var resumed = await CaseAsync(services, item.Id);
        resumed.DisposalDeadline.ShouldBe(deadline.AddDays(7)); // five working days parked, Monday to Monday
        var timers = await TimersAsync(services, item.Id);
        timers.ShouldAllBe(t => t.Status == WorkflowTimerStatus.Scheduled);
        timers.Single(t => t.NodeId == "Timer_DisposeOverdue").DueAt.ShouldBe(resumed.DisposalDeadline!.Value);
        timers.Single(t => t.NodeId == "Timer_DisposeWarning").DueAt.ShouldBe(warningBefore.AddDays(7));
        clock.Advance(resumed.DisposalDeadline!.Value - clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        (await sweeper.SweepAsync(CancellationToken.None)).ShouldBe(2);
        (await CaseAsync(services, item.Id)).History.Count(h => h.Action is CaseAction.Overdue or CaseAction.DeadlineWarning).ShouldBe(2);
    }

    [Fact]
    public async Task RefusedRequests_KeepTheCaseWithTheSameDepartmentAndDeadline()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var item = await DispatchedAsync(services, "SZ");
        var sz = await DepartmentAsync(services, "SZ");
        var deadline = (await CaseAsync(services, item.Id)).DisposalDeadline;

        await OkAsync(services, "czry", item.Id, K.RequestExtension, new("天气原因"));
        (await ActAsync(services, "pqy", item.Id, K.RefuseExtension)).Error.Message.ShouldBe("请填写原因");
        await OkAsync(services, "pqy", item.Id, K.RefuseExtension, new("时限充足"));
        await OkAsync(services, "czry", item.Id, K.RequestPark, new("长期问题"));
        await OkAsync(services, "pqy", item.Id, K.RefusePark, new("可以处置"));
        await OkAsync(services, "czry", item.Id, K.RequestReturn, new("不是我们的"));
        (await AvailableAsync(services, "pqy", item.Id)).ShouldBe([K.Dispatch, K.RefuseReturn, K.Urge]);
        await OkAsync(services, "pqy", item.Id, K.RefuseReturn, new("井盖属市政所管理"));

        var kept = await CaseAsync(services, item.Id);
        (kept.Status, kept.DepartmentId).ShouldBe((CaseStatus.InDisposal, (Guid?)sz));
        kept.History.OrderBy(h => h.Sequence).Last().Comment.ShouldBe("不同意回退：井盖属市政所管理");
        kept.History.Select(h => h.Action).ShouldContain(CaseAction.ExtensionRefused);
        kept.History.Select(h => h.Action).ShouldContain(CaseAction.ParkRefused);
        (await AvailableAsync(services, "czry", item.Id)).ShouldContain(K.ReportDisposal);
        deadline.ShouldNotBeNull();
    }

    [Fact]
    public async Task HotlineReport_IsVerifiedByTheGridSupervisor_AndUntrueReportsAreNotFiled()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var good = await ReportAsync(services, CaseSource.Hotline, street: "城关街道");
        var bad = await ReportAsync(services, CaseSource.Hotline, street: "城关街道");
        await OkAsync(services, "sly", good.Id, K.Register);
        await OkAsync(services, "sly", bad.Id, K.Register);

        await OkAsync(services, "jdy", good.Id, K.VerifyTrue, new("现场属实"));
        (await ActAsync(services, "jdy", bad.Id, K.VerifyFalse)).Error.Message.ShouldBe("请填写原因");
        await OkAsync(services, "jdy", bad.Id, K.VerifyFalse, new("现场未发现"));

        (await CaseAsync(services, good.Id)).Status.ShouldBe(CaseStatus.PendingFiling);
        (await CaseAsync(services, bad.Id)).Status.ShouldBe(CaseStatus.NotFiled);
        (await AvailableAsync(services, "zbz", good.Id)).ShouldBe([K.File, K.RejectFiling]);
        await OkAsync(services, "zbz", good.Id, K.RejectFiling, new("不符合立案条件"));
        (await CaseAsync(services, good.Id)).History.Last().Comment.ShouldBe("不符合立案条件");
    }

    [Fact]
    public async Task SelfHandledReport_IsReviewedByTheShiftLeader_ClosedOrSentToFiling()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var accepted = await ReportAsync(services, CaseSource.SelfHandled, street: "城关街道");
        var refused = await ReportAsync(services, CaseSource.SelfHandled, street: "城关街道");
        await OkAsync(services, "sly", accepted.Id, K.Register);
        await OkAsync(services, "sly", refused.Id, K.Register);

        (await AvailableAsync(services, "zbz", accepted.Id)).ShouldBe([K.Close, K.SelfHandledToFiling]);
        (await AvailableAsync(services, "pqy", accepted.Id)).ShouldBeEmpty();
        await OkAsync(services, "zbz", accepted.Id, K.Close, new("现场已处置到位"));
        (await ActAsync(services, "zbz", refused.Id, K.SelfHandledToFiling)).Error.Message.ShouldBe("请填写原因");
        await OkAsync(services, "zbz", refused.Id, K.SelfHandledToFiling, new("处置不彻底"));

        var closed = await CaseAsync(services, accepted.Id);
        (closed.Status, closed.ClosingKind).ShouldBe((CaseStatus.Closed, ClosingKind.Normal));
        (await CaseAsync(services, refused.Id)).Status.ShouldBe(CaseStatus.PendingFiling);
        (await AvailableAsync(services, "zbz", refused.Id)).ShouldBe([K.File, K.RejectFiling]);
    }

    [Fact]
    public async Task Cancel_IsAskedByTheOperatorAndDecidedByTheShiftLeader()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var refused = await ReportAsync(services, street: "城关街道");
        var approved = await ReportAsync(services, street: "城关街道");

        await OkAsync(services, "sly", refused.Id, K.RequestCancel, new("疑似重复"));
        (await ActAsync(services, "sly", refused.Id, K.Register)).Error.Message.ShouldBe("已申请作废，等待值班长审批");
        (await ActAsync(services, "sly", refused.Id, K.ApproveCancel)).Error.Message.ShouldBe("您没有执行此操作的权限");
        await OkAsync(services, "zbz", refused.Id, K.RefuseCancel, new("不是重复案件"));
        await OkAsync(services, "sly", refused.Id, K.Register);

        await OkAsync(services, "sly", approved.Id, K.RequestCancel, new("重复上报"));
        await OkAsync(services, "zbz", approved.Id, K.ApproveCancel, new("同意"));

        var cancelled = await CaseAsync(services, approved.Id);
        cancelled.Status.ShouldBe(CaseStatus.Cancelled);
        cancelled.History.Select(h => h.Action).ShouldBe([CaseAction.Reported, CaseAction.CancelRequested, CaseAction.Cancelled]);
        (await CaseAsync(services, refused.Id)).Status.ShouldBe(CaseStatus.PendingFiling);
    }

    [Fact]
    public async Task Urge_ByLeaderOrDispatcher_IsWrittenToTheTimeline_OthersMayNot()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var item = await DispatchedAsync(services, "SZ");

        await OkAsync(services, "ld", item.Id, K.Urge, new("请加快处置"));
        await OkAsync(services, "pqy", item.Id, K.Urge, new("已超期，限今日完成"));
        (await ActAsync(services, "czry", item.Id, K.Urge, new("x"))).Error.Message.ShouldBe("您没有执行此操作的权限");

        (await CaseAsync(services, item.Id)).History.Count(h => h.Action == CaseAction.Urged).ShouldBe(2);
    }

    [Fact]
    public async Task OutOfTurn_WrongRoleScopeOrState_IsRefusedAndChangesNothing()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var item = await DispatchedAsync(services, "SZ");
        var before = await CaseAsync(services, item.Id);

        (await ActAsync(services, "hwcz", item.Id, K.ReportDisposal)).Error.Message.ShouldBe("案件不存在或无权查看");
        (await ActAsync(services, "qlzbz", item.Id, K.Urge, new("x"))).Error.Message.ShouldBe("您没有执行此操作的权限");
        (await ActAsync(services, "sly", item.Id, K.Dispatch)).Error.Message.ShouldBe("您没有执行此操作的权限");
        (await ActAsync(services, "zbz", item.Id, K.Close)).Error.Message.ShouldBe("案件当前状态为“处置中”，不能结案");
        (await ActAsync(services, "jdy", item.Id, K.CheckPass)).Error.Message.ShouldBe("案件当前状态为“处置中”，不能核查通过");
        (await AvailableAsync(services, "hwcz", item.Id)).ShouldBeEmpty();

        var after = await CaseAsync(services, item.Id);
        (after.Status, after.Version, after.History.Count).ShouldBe((before.Status, before.Version, before.History.Count));
    }

    [Fact]
    public async Task SubCentreShiftLeader_MayFileOnlyCasesOfItsTown()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var town = await ReportAsync(services, street: "青龙镇");
        var other = await ReportAsync(services, street: "城关街道");
        await OkAsync(services, "sly", town.Id, K.Register);
        await OkAsync(services, "sly", other.Id, K.Register);

        (await ActAsync(services, "qlzbz", other.Id, K.File)).Error.Message.ShouldBe("案件不存在或无权查看");
        await OkAsync(services, "qlzbz", town.Id, K.File);
    }

    [Fact]
    public async Task StaleScreen_ActionIsRefusedWithTheFreshState()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var item = await ReportAsync(services, street: "城关街道");
        var seen = (await CaseAsync(services, item.Id)).Version;
        await OkAsync(services, "sly", item.Id, K.Register);

        var late = await ActAsync(services, "sly", item.Id, K.RequestCancel, new("重复"), seen);

        late.Error.Code.ShouldBe("Case.Conflict");
        late.Error.Message.ShouldContain("李受理");
        late.Error.Message.ShouldContain("当前状态为“待立案”");
    }

    [Fact]
    public async Task TwoShiftLeadersAtOnce_OneWinsAndTheOtherGetsAMessage()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var item = await ReportAsync(services, street: "青龙镇");
        await OkAsync(services, "sly", item.Id, K.Register);
        var version = (await CaseAsync(services, item.Id)).Version;
        var zbz = await services.StaffAsync("zbz");
        var qlzbz = await services.StaffAsync("qlzbz");

        var results = await Task.WhenAll(
            Task.Run(() => services.Get<CaseActionService>().RunAsync(zbz, item.Id, K.File, CaseActionInput.Empty, version)),
            Task.Run(() => services.Get<CaseActionService>().RunAsync(qlzbz, item.Id, K.RejectFiling, new("不符合立案条件"), version)));

        results.Count(r => r.IsSuccess).ShouldBe(1);
        results.Single(r => r.IsFailure).Error.Code.ShouldBeOneOf("Case.Conflict", "Case.WrongState", "Case.NoTask");
        var saved = await CaseAsync(services, item.Id);
        saved.History.Count(h => h.Action is CaseAction.Filed or CaseAction.NotFiled).ShouldBe(1);
    }

    [Fact]
    public async Task DispatchSuggestion_IsTheClassDefaultDepartment()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var item = await ReportAsync(services, street: "城关街道");
        await using var db = services.NewDb();
        var expected = (await db.Categories.SingleAsync(c => c.Id == item.CategoryId)).DefaultDepartmentId;

        var suggestion = await services.Get<CaseActionService>().SuggestDepartmentAsync(await services.StaffAsync("pqy"), item.Id);

        suggestion?.Id.ShouldBe(expected!.Value);
        suggestion?.Reason.ShouldBe("类别默认处置部门");
    }

    private static async Task<List<WorkflowTimer>> TimersAsync(TestServices services, Guid caseId)
    {
        await using var db = services.NewDb();
        return await db.WorkflowTimers.AsNoTracking().Where(t => db.WorkflowInstances.Any(i => i.Id == t.InstanceId && i.CaseId == caseId)).ToListAsync();
    }

    private static async Task<CityCase> DispatchedAsync(TestServices services, string department)
    {
        var item = await ReportAsync(services, street: "城关街道");
        await OkAsync(services, "sly", item.Id, K.Register);
        await OkAsync(services, "zbz", item.Id, K.File);
        await OkAsync(services, "pqy", item.Id, K.Dispatch, new(DepartmentId: await DepartmentAsync(services, department)));
        return item;
    }
}

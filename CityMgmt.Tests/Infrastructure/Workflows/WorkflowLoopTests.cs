using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Workflows;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CityMgmt.Tests.Infrastructure.Workflows.WorkflowTestKit;

namespace CityMgmt.Tests.Infrastructure.Workflows;

public class WorkflowLoopTests
{
    [Fact]
    public async Task Report_SupervisorCase_OpensTheAcceptanceTaskForOperatorsOnly()
    {
        await using var services = await TestServices.FromTemplateAsync();

        var item = await ReportAsync(services);

        var sly = await services.StaffAsync("sly");
        var task = (await services.Get<TaskInbox>().ForCaseAsync(sly, item.Id)).ShouldHaveSingleItem();
        task.Name.ShouldBe("受理");
        task.OutcomeList.ShouldBe(["受理", "作废"]);
        (await services.Get<TaskInbox>().ForCaseAsync(await services.StaffAsync("zbz"), item.Id)).ShouldBeEmpty();
        (await services.Get<TaskInbox>().OpenAsync(sly)).ShouldContain(r => r.CaseId == item.Id);
    }

    [Fact]
    public async Task FullLoop_EachRoleDoesItsStep_CaseIsClosedWithEveryStepInTheTimeline()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var item = await ReportAsync(services);
        var sz = await DepartmentAsync(services, "SZ");

        (await CompleteAsync(services, "sly", item.Id, "受理")).IsSuccess.ShouldBeTrue();
        (await CompleteAsync(services, "zbz", item.Id, "立案")).IsSuccess.ShouldBeTrue();
        (await CompleteAsync(services, "pqy", item.Id, "派遣", new TaskForm("请尽快处理", sz))).IsSuccess.ShouldBeTrue();
        (await CompleteAsync(services, "czry", item.Id, "处置完毕", new TaskForm("已清理"))).IsSuccess.ShouldBeTrue();
        (await CompleteAsync(services, "jdy", item.Id, "通过")).IsSuccess.ShouldBeTrue();
        (await CompleteAsync(services, "zbz", item.Id, "结案")).IsSuccess.ShouldBeTrue();

        var closed = await CaseAsync(services, item.Id);
        closed.Status.ShouldBe(CaseStatus.Closed);
        closed.History.OrderBy(h => h.Sequence).Select(h => h.Action).ShouldBe(
        [
            CaseAction.Reported, CaseAction.Registered, CaseAction.Filed, CaseAction.Dispatched,
            CaseAction.DisposalReported, CaseAction.CheckPassed, CaseAction.Closed, CaseAction.ReporterNotified,
        ]);
        await using var db = services.NewDb();
        (await db.WorkflowInstances.SingleAsync(i => i.CaseId == item.Id)).Status.ShouldBe(WorkflowInstanceStatus.Completed);
        (await db.WorkflowTasks.CountAsync(t => t.CaseId == item.Id && t.Status == WorkflowTaskStatus.Open)).ShouldBe(0);
        (await db.WorkflowTimers.CountAsync(t => t.InstanceId == db.WorkflowInstances.Single(i => i.CaseId == item.Id).Id && t.Status == WorkflowTimerStatus.Scheduled)).ShouldBe(0);
    }

    [Fact]
    public async Task SelfHandledReport_IsClosedByTheShiftLeadersReviewWithoutFilingOrDispatch()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var item = await ReportAsync(services, CaseSource.SelfHandled);
        (await CompleteAsync(services, "sly", item.Id, "受理")).IsSuccess.ShouldBeTrue();

        (await services.Get<TaskInbox>().ForCaseAsync(await services.StaffAsync("pqy"), item.Id)).ShouldBeEmpty();
        var review = (await services.Get<TaskInbox>().ForCaseAsync(await services.StaffAsync("zbz"), item.Id)).ShouldHaveSingleItem();
        review.Name.ShouldBe("自行处置审核");
        review.OutcomeList.ShouldBe(["结案", "转立案"]);
        (await CompleteAsync(services, "zbz", item.Id, "结案")).IsSuccess.ShouldBeTrue();

        var closed = await CaseAsync(services, item.Id);
        closed.Status.ShouldBe(CaseStatus.Closed);
        closed.ClosingKind.ShouldBe(ClosingKind.Normal);
        closed.History.OrderBy(h => h.Sequence).Select(h => h.Action).ShouldBe([CaseAction.Reported, CaseAction.Registered, CaseAction.Closed]);
        await using var db = services.NewDb();
        (await db.WorkflowInstances.SingleAsync(i => i.CaseId == item.Id)).Status.ShouldBe(WorkflowInstanceStatus.Completed);
    }

    [Fact]
    public async Task CitizenReport_GoesToVerificationByTheGridSupervisor()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var item = await ReportAsync(services, CaseSource.Hotline);

        (await CompleteAsync(services, "sly", item.Id, "受理")).IsSuccess.ShouldBeTrue();

        (await CaseAsync(services, item.Id)).Status.ShouldBe(CaseStatus.PendingVerification);
        var task = (await services.Get<TaskInbox>().ForCaseAsync(await services.StaffAsync("jdy"), item.Id)).ShouldHaveSingleItem();
        task.Name.ShouldBe("核实");
        task.AssigneeUserId.ShouldBe("demo-jdy");
        task.DueAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task CitizenReport_FoundUntrueOnSite_IsNotFiledAndLeavesNoOpenTask()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var item = await ReportAsync(services, CaseSource.Hotline);
        (await CompleteAsync(services, "sly", item.Id, "受理")).IsSuccess.ShouldBeTrue();

        (await CompleteAsync(services, "jdy", item.Id, "不属实", new TaskForm("现场未发现"))).IsSuccess.ShouldBeTrue();

        (await CaseAsync(services, item.Id)).Status.ShouldBe(CaseStatus.NotFiled);
        (await services.Get<TaskInbox>().ForCaseAsync(await services.StaffAsync("zbz"), item.Id)).ShouldBeEmpty();
        await using var db = services.NewDb();
        (await db.WorkflowTasks.CountAsync(t => t.CaseId == item.Id && t.Status == WorkflowTaskStatus.Open)).ShouldBe(0);
        (await db.WorkflowInstances.SingleAsync(i => i.CaseId == item.Id)).Status.ShouldBe(WorkflowInstanceStatus.Completed);
    }

    [Fact]
    public async Task Disposal_ByAnotherDepartment_IsNotVisibleAndCannotBeDone()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var item = await ReportAsync(services);
        (await CompleteAsync(services, "sly", item.Id, "受理")).IsSuccess.ShouldBeTrue();
        (await CompleteAsync(services, "zbz", item.Id, "立案")).IsSuccess.ShouldBeTrue();
        (await CompleteAsync(services, "pqy", item.Id, "派遣", new TaskForm(null, await DepartmentAsync(services, "SZ")))).IsSuccess.ShouldBeTrue();
        await using var db = services.NewDb();
        var disposal = await db.WorkflowTasks.SingleAsync(t => t.CaseId == item.Id && t.Status == WorkflowTaskStatus.Open);

        var hwcz = await services.StaffAsync("hwcz");
        (await services.Get<TaskInbox>().ForCaseAsync(hwcz, item.Id)).ShouldBeEmpty();
        (await services.Get<TaskInbox>().CompleteAsync(hwcz, disposal.Id, "处置完毕", TaskForm.Empty)).Error.Message.ShouldBe("任务不存在或无权查看");
        (await CaseAsync(services, item.Id)).Status.ShouldBe(CaseStatus.InDisposal);
    }

    [Fact]
    public async Task Complete_SameTaskTwice_SecondIsRefusedWithAClearMessage()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var item = await ReportAsync(services);
        var sly = await services.StaffAsync("sly");
        var task = (await services.Get<TaskInbox>().ForCaseAsync(sly, item.Id)).Single();

        (await services.Get<TaskInbox>().CompleteAsync(sly, task.Id, "受理", TaskForm.Empty)).IsSuccess.ShouldBeTrue();
        var again = await services.Get<TaskInbox>().CompleteAsync(sly, task.Id, "受理", TaskForm.Empty);

        again.Error.Message.ShouldBe("该任务已办结或已被他人处理，请刷新待办列表");
        (await CaseAsync(services, item.Id)).History.Count(h => h.Action == CaseAction.Registered).ShouldBe(1);
    }

    [Fact]
    public async Task Complete_SameTaskByTwoUsersAtOnce_OneWinsAndTheOtherGetsAMessage()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var item = await ReportAsync(services);
        var sly = await services.StaffAsync("sly");
        var task = (await services.Get<TaskInbox>().ForCaseAsync(sly, item.Id)).Single();

        var results = await Task.WhenAll(
            Task.Run(() => services.Get<TaskInbox>().CompleteAsync(sly, task.Id, "受理", TaskForm.Empty)),
            Task.Run(() => services.Get<TaskInbox>().CompleteAsync(sly, task.Id, "作废", new TaskForm("重复"))));

        results.Count(r => r.IsSuccess).ShouldBe(1);
        results.Single(r => r.IsFailure).Error.Code.ShouldBeOneOf("Task.Closed", "Task.Conflict", "Task.NotFound");
        var saved = await CaseAsync(services, item.Id);
        saved.History.Count(h => h.Action is CaseAction.Registered or CaseAction.Cancelled).ShouldBe(1);
    }

    [Fact]
    public async Task Dispatch_WithoutDepartment_IsRefusedAndTheTaskStaysOpen()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var item = await ReportAsync(services);
        (await CompleteAsync(services, "sly", item.Id, "受理")).IsSuccess.ShouldBeTrue();
        (await CompleteAsync(services, "zbz", item.Id, "立案")).IsSuccess.ShouldBeTrue();

        var result = await CompleteAsync(services, "pqy", item.Id, "派遣");

        result.Error.Message.ShouldBe("请选择处置部门");
        (await CaseAsync(services, item.Id)).Status.ShouldBe(CaseStatus.PendingDispatch);
        (await services.Get<TaskInbox>().ForCaseAsync(await services.StaffAsync("pqy"), item.Id)).ShouldHaveSingleItem().Name.ShouldBe("派遣");
    }

    [Fact]
    public async Task Return_FromDisposal_GoesBackToDispatchAndCheckFailure_ReworksAtTheSameDepartment()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var item = await ReportAsync(services);
        var sz = await DepartmentAsync(services, "SZ");
        (await CompleteAsync(services, "sly", item.Id, "受理")).IsSuccess.ShouldBeTrue();
        (await CompleteAsync(services, "zbz", item.Id, "立案")).IsSuccess.ShouldBeTrue();
        (await CompleteAsync(services, "pqy", item.Id, "派遣", new TaskForm(null, await DepartmentAsync(services, "HW")))).IsSuccess.ShouldBeTrue();

        (await CompleteAsync(services, "hwcz", item.Id, "回退", new TaskForm("不属于环卫职责"))).IsSuccess.ShouldBeTrue();
        (await CaseAsync(services, item.Id)).Status.ShouldBe(CaseStatus.PendingDispatch);
        (await CompleteAsync(services, "pqy", item.Id, "派遣", new TaskForm(null, sz))).IsSuccess.ShouldBeTrue();
        (await CompleteAsync(services, "czry", item.Id, "处置完毕")).IsSuccess.ShouldBeTrue();
        (await CompleteAsync(services, "jdy", item.Id, "不通过", new TaskForm("未清理干净"))).IsSuccess.ShouldBeTrue();

        var reworked = await CaseAsync(services, item.Id);
        (reworked.Status, reworked.ReworkCount, reworked.DepartmentId).ShouldBe((CaseStatus.InDisposal, 1, (Guid?)sz));
        (await services.Get<TaskInbox>().ForCaseAsync(await services.StaffAsync("czry"), item.Id)).ShouldHaveSingleItem().Name.ShouldBe("处置");
    }

    [Fact]
    public async Task Claim_GroupTask_HidesItFromOthersUntilReleased()
    {
        await using var services = await TestServices.FromTemplateAsync();
        // A 青龙镇 case: both the centre's and the sub-centre's shift leader may file it.
        var item = await ReportAsync(services, street: "青龙镇");
        (await CompleteAsync(services, "sly", item.Id, "受理")).IsSuccess.ShouldBeTrue();
        var zbz = await services.StaffAsync("zbz");
        var qlzbz = await services.StaffAsync("qlzbz");
        var inbox = services.Get<TaskInbox>();
        var task = (await inbox.ForCaseAsync(zbz, item.Id)).Single();
        (await inbox.ForCaseAsync(qlzbz, item.Id)).ShouldHaveSingleItem();

        (await inbox.ClaimAsync(zbz, task.Id)).IsSuccess.ShouldBeTrue();
        (await inbox.ForCaseAsync(qlzbz, item.Id)).ShouldBeEmpty();
        (await inbox.ClaimAsync(qlzbz, task.Id)).IsFailure.ShouldBeTrue();

        (await inbox.ReleaseAsync(zbz, task.Id)).IsSuccess.ShouldBeTrue();
        (await inbox.ForCaseAsync(qlzbz, item.Id)).ShouldHaveSingleItem();
    }
}

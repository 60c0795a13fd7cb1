using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Cases.Intake;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CityMgmt.Tests.Infrastructure.Cases.CaseActionKit;
using static CityMgmt.Tests.Infrastructure.Intake.IntakeKit;
using static CityMgmt.Tests.Infrastructure.Workflows.WorkflowTestKit;
using K = CityMgmt.Infrastructure.Cases.CaseActionKind;

namespace CityMgmt.Tests.Infrastructure.Intake;

public class RegisterFromQueueTests
{
    [Fact]
    public async Task Supervisors_TheGridsResponsibleOneIsSuggestedFirst_OthersOfTheTownFollow()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var other = await SecondSupervisorAsync(services);
        var item = await ReportAsync(services, Spot);

        var options = await services.Get<IntakeQueries>().SupervisorsAsync(await services.StaffAsync("sly"), item.Id);

        options.Select(o => (o.Name, o.Suggested)).ShouldBe([("张监督", true), ("孙监督", false)]);
        options[1].UserId.ShouldBe(other);
    }

    [Fact]
    public async Task Register_WithAnotherSupervisorOfTheTown_SendsTheVerificationTaskToHim()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var other = await SecondSupervisorAsync(services);
        var item = await ReportAsync(services, Spot);

        await OkAsync(services, "sly", item.Id, K.Register, new(SupervisorUserId: other));

        await using var db = services.NewDb();
        var task = await db.WorkflowTasks.SingleAsync(t => t.CaseId == item.Id && t.Status == WorkflowTaskStatus.Open);
        (task.Name, task.AssigneeUserId).ShouldBe(("核实", other));
        var saved = await CaseAsync(services, item.Id);
        saved.Status.ShouldBe(CaseStatus.PendingVerification);
        saved.History.OrderBy(h => h.Sequence).Select(h => h.Action).ShouldBe([CaseAction.Reported, CaseAction.Registered, CaseAction.VerificationRequested]);
        saved.History.Single(h => h.Action == CaseAction.VerificationRequested).Comment.ShouldBe("核实监督员：孙监督");
        (await ActAsync(services, "jdy", item.Id, K.VerifyTrue)).IsFailure.ShouldBeTrue();
    }

    [Fact]
    public async Task Register_WithoutAChoice_GoesToTheGridsResponsibleSupervisor()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var item = await ReportAsync(services, Spot, CaseSource.Citizen);

        await OkAsync(services, "sly", item.Id, K.Register);

        (await CaseAsync(services, item.Id)).History.Single(h => h.Action == CaseAction.VerificationRequested).Comment.ShouldBe("核实监督员：张监督");
        await OkAsync(services, "jdy", item.Id, K.VerifyTrue);
    }

    [Fact]
    public async Task Register_WithASupervisorOfAnotherTownOrForAPatrolReport_IsRefusedAndChangesNothing()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var elsewhere = await SecondSupervisorAsync(services, street: "青龙镇", name: "钱监督");
        var item = await ReportAsync(services, Spot);
        var patrol = await ReportAsync(services, East(5), CaseSource.SupervisorReport);

        (await ActAsync(services, "sly", item.Id, K.Register, new(SupervisorUserId: elsewhere))).Error.Message.ShouldBe("所选监督员不负责该案件所在的网格或区域，请重新选择");
        (await ActAsync(services, "sly", patrol.Id, K.Register, new(SupervisorUserId: elsewhere))).Error.Message.ShouldBe("该案件受理后直接进入待立案，不需要选择核实监督员");

        (await CaseAsync(services, item.Id)).Status.ShouldBe(CaseStatus.Reported);
        (await CaseAsync(services, patrol.Id)).Status.ShouldBe(CaseStatus.Reported);
        await OkAsync(services, "sly", patrol.Id, K.Register);
        (await CaseAsync(services, patrol.Id)).Status.ShouldBe(CaseStatus.PendingFiling);
    }
}

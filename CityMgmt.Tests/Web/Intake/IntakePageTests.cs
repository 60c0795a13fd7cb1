using AngleSharp.Dom;
using Bunit;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Tests.Support;
using CityMgmt.Tests.Web.Cases;
using CityMgmt.Web.Components.Pages.Intake;
using Microsoft.EntityFrameworkCore;
using static CityMgmt.Tests.Infrastructure.Intake.IntakeKit;

namespace CityMgmt.Tests.Web.Intake;

public sealed class IntakePageTests
{
    [Fact]
    public async Task Operator_SeesTwoReportsOfOneProblem_MergesTheRepeat_AndSendsTheOtherToAChosenSupervisor()
    {
        var clock = TestClock.Create(DateTimeOffset.UtcNow.AddDays(1)); // newer than every demo case: first on the list
        await using var services = await TestServices.FromTemplateAsync(clock);
        var other = await SecondSupervisorAsync(services);
        var call = await ReportAsync(services, Spot);
        clock.Advance(TimeSpan.FromMinutes(20));
        var repeat = await ReportAsync(services, East(30), CaseSource.Citizen);
        await using var ctx = await BunitHost.CreateAsync(services, "sly");

        var cut = ctx.Render(PageHost.WithPopovers<IntakePage>());

        cut.WaitForAssertion(() => Row(cut, repeat).ShouldNotBeNull());
        Row(cut, repeat)!.QuerySelector("[data-testid=intake-duplicates]")!.TextContent.ShouldBe("1 件");
        Row(cut, repeat)!.QuerySelector("[data-testid=intake-open]")!.Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=candidate-link]").TextContent.ShouldBe(call.Number.Value));
        cut.Find("[data-testid=candidate-distance]").TextContent.ShouldBe("30 米");
        cut.Find("[data-testid=candidate] [data-testid=case-status]").TextContent.Trim().ShouldBe("待受理");

        cut.Find("[data-testid=candidate-merge]").Click();
        cut.Find("[data-testid=merge-question]").TextContent.ShouldContain(call.Number.Value);
        cut.Find("[data-testid=merge-confirm]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=intake-notice]").TextContent.ShouldContain($"案件{repeat.Number.Value}已作为重复上报合并到案件{call.Number.Value}"));
        cut.WaitForAssertion(() => Row(cut, repeat).ShouldBeNull());
        Row(cut, call)!.QuerySelector("[data-testid=intake-open]")!.Click();
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=intake-supervisor] option").Count.ShouldBe(2));
        cut.Find("[data-testid=intake-supervisor] option").TextContent.ShouldBe("张监督（网格责任监督员，推荐）");
        cut.FindAll("[data-testid=no-candidates]").Count.ShouldBe(1);
        cut.Find("[data-testid=intake-supervisor]").Change(other);
        cut.Find("[data-testid=intake-register]").TextContent.Trim().ShouldBe("受理并送核实");
        cut.Find("[data-testid=intake-register]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=intake-notice]").TextContent.ShouldContain("核实任务已发送给孙监督"));
        cut.WaitForAssertion(() => Row(cut, call).ShouldBeNull());
        await using var db = services.NewDb();
        (await db.Cases.Where(c => c.Id == repeat.Id).Select(c => c.Status).SingleAsync()).ShouldBe(CaseStatus.Merged);
        (await db.Cases.Where(c => c.Id == call.Id).Select(c => c.Status).SingleAsync()).ShouldBe(CaseStatus.PendingVerification);
        (await db.WorkflowTasks.SingleAsync(t => t.CaseId == call.Id && t.Status == WorkflowTaskStatus.Open)).AssigneeUserId.ShouldBe(other);
    }

    [Fact]
    public async Task ShiftLeaderOfATown_SeesOnlyItsTownsQueue_AndNoAcceptanceButton()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create(DateTimeOffset.UtcNow.AddDays(1)));
        var town = await ReportAsync(services, Spot, street: "青龙镇");
        var county = await ReportAsync(services, East(10));
        await using var ctx = await BunitHost.CreateAsync(services, "qlzbz");

        var cut = ctx.Render(PageHost.WithPopovers<IntakePage>());

        cut.WaitForAssertion(() => Row(cut, town).ShouldNotBeNull());
        Row(cut, county).ShouldBeNull();
        Row(cut, town)!.QuerySelector("[data-testid=intake-open]")!.Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=intake-panel]").TextContent.ShouldContain("受理由受理员办理"));
        cut.FindAll("[data-testid=intake-register]").ShouldBeEmpty();
        cut.FindAll("[data-testid=candidate]").ShouldBeEmpty();
    }

    private static IElement? Row(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut, CityCase item) =>
        cut.FindAll("[data-testid=intake-table] tbody tr").FirstOrDefault(tr => tr.QuerySelector("[data-testid=intake-case]")?.TextContent == item.Number.Value);
}

using Bunit;
using CityMgmt.Domain.Evaluation;
using CityMgmt.Infrastructure.Evaluation;
using CityMgmt.Tests.Support;
using CityMgmt.Tests.Web.Admin;
using CityMgmt.Web.Components.Pages.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Web.Evaluation;

public class DeductionsPageTests
{
    [Fact]
    public async Task Revoke_FromTheList_StrikesItAndTheAssessmentDropsIt()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var leader = await services.StaffAsync("ld");
        string sz;
        await using (var db = services.NewDb())
        {
            sz = (await db.OrgUnits.SingleAsync(o => o.Code == "SZ")).Id.ToString();
        }

        // The page opens on the current quarter of the real clock.
        var today = EvaluationPeriod.ChinaDate(TimeProvider.System.GetUtcNow());
        (await services.Get<DeductionService>().RecordAsync(leader, new DeductionInput(EvaluationObjectType.Department, sz, today, 3, "推诿扯皮"))).IsSuccess.ShouldBeTrue();
        await using var ctx = await BunitHost.CreateAsync(services, "ld");
        var cut = ctx.Render(AdminPageHost.WithProviders<DeductionsPage>());
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=assessment-row]").ShouldHaveSingleItem().TextContent.ShouldContain("3（1条）"));

        cut.Find("[data-testid=deduction-revoke]").Click();
        cut.WaitForAssertion(() => cut.Find("input[data-testid=revoke-reason]"));
        cut.Find("input[data-testid=revoke-reason]").Change("误扣");
        await cut.Find("[data-testid=revoke-confirm]").ClickAsync(new());

        cut.WaitForAssertion(() => cut.Find("[data-testid=deduction-status]").TextContent.ShouldStartWith("已撤销（陈领导"));
        cut.FindAll("[data-testid=assessment-row]").ShouldBeEmpty();
        cut.FindAll("[data-testid=deduction-revoke]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Record_WithoutReason_ShowsTheMessageAndListsNothing()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "zbz");
        var cut = ctx.Render(AdminPageHost.WithProviders<DeductionsPage>());
        cut.WaitForAssertion(() => cut.Find("[data-testid=deduction-form]"));

        await cut.Find("[data-testid=deduction-save]").ClickAsync(new());

        cut.WaitForAssertion(() => ctx.Snackbars().ShouldContain("请选择被扣分的镇乡或部门"));
        cut.Find("[data-testid=no-deductions]");
        await using var db = services.NewDb();
        (await db.EvaluationDeductions.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task SubCentreShiftLeader_SeesNoEntryForm()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "qlzbz");
        var cut = ctx.Render(AdminPageHost.WithProviders<DeductionsPage>());

        cut.WaitForAssertion(() => cut.Find("[data-testid=no-deductions]"));
        cut.FindAll("[data-testid=deduction-form]").ShouldBeEmpty();
    }
}

using Bunit;
using CityMgmt.Domain.Cases;
using CityMgmt.Tests.Support;
using CityMgmt.Web.Components.Pages.Cases;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Web.Cases;

public sealed class CaseDetailTests
{
    private static readonly DateTimeOffset June10 = new(2025, 6, 10, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Render_SeededCase_ShowsNumberAndTimelineInOrder()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var item = await db.Cases.AsNoTracking().OrderByDescending(c => c.HistoryCount).FirstAsync();
        var actions = await db.CaseHistory.Where(h => h.CaseId == item.Id).OrderBy(h => h.Sequence).Select(h => h.Action).ToListAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "zbz");

        var cut = ctx.Render<CaseDetail>(p => p.Add(x => x.Id, item.Id));

        cut.WaitForAssertion(() => cut.Find("[data-testid=case-number]").TextContent.ShouldContain(item.Number.Value));
        actions.Count.ShouldBeGreaterThan(3);
        cut.FindAll("[data-testid=timeline-entry]").Select(e => int.Parse(e.GetAttribute("data-sequence")!))
            .ShouldBe(Enumerable.Range(1, actions.Count));
        cut.FindAll("[data-testid=timeline-action]").Select(e => e.TextContent).ShouldBe(actions.Select(a => a.DisplayName()));
        cut.Markup.ShouldContain(item.Address);
        cut.Markup.ShouldContain(item.Description);
        cut.FindAll("[data-testid=case-refused]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Render_OtherDepartmentsCase_ShowsRefusalAndNothingOfTheCase()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var sz = await TestCases.DispatchedAsync(services, "SZ", June10, 90_001, address: "玉兰巷88号");
        await using var ctx = await BunitHost.CreateAsync(services, "hwcz");

        var cut = ctx.Render<CaseDetail>(p => p.Add(x => x.Id, sz.Id));

        cut.WaitForAssertion(() => cut.Find("[data-testid=case-refused]").TextContent.ShouldContain("案件不存在或无权查看"));
        cut.Markup.ShouldNotContain(sz.Number.Value);
        cut.Markup.ShouldNotContain("玉兰巷88号");
        cut.FindAll("[data-testid=timeline-entry]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Render_UnknownId_ShowsTheSameRefusal()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "zbz");

        var cut = ctx.Render<CaseDetail>(p => p.Add(x => x.Id, Guid.NewGuid()));

        cut.WaitForAssertion(() => cut.Find("[data-testid=case-refused]").TextContent.Trim().ShouldBe("案件不存在或无权查看"));
    }

    [Theory]
    [InlineData("zbz", true)]
    [InlineData("czry", false)]
    public async Task Render_HotlineCase_ShowsCallerPhoneOnlyToCentreStaff(string user, bool shown)
    {
        await using var services = await TestServices.FromTemplateAsync();
        var call = await TestCases.DispatchedAsync(services, "SZ", June10, 90_001, source: CaseSource.Hotline, phone: "13912345678");
        await using var ctx = await BunitHost.CreateAsync(services, user);

        var cut = ctx.Render<CaseDetail>(p => p.Add(x => x.Id, call.Id));

        cut.WaitForAssertion(() => cut.Find("[data-testid=case-number]").TextContent.ShouldContain(call.Number.Value));
        cut.Markup.ShouldContain("市民王先生");
        cut.Markup.Contains("13912345678").ShouldBe(shown);
    }

    [Fact]
    public async Task Render_CaseInDisposalPastItsDeadline_ShowsRedLightAndDepartment()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var late = await TestCases.DispatchedAsync(services, "SZ", June10, 90_001);
        await using var ctx = await BunitHost.CreateAsync(services, "zbz");

        var cut = ctx.Render<CaseDetail>(p => p.Add(x => x.Id, late.Id));

        cut.WaitForAssertion(() => cut.Find("[data-testid=deadline-light]").GetAttribute("data-level").ShouldBe("red"));
        cut.Find("[data-testid=deadline-text]").TextContent.ShouldStartWith("超期");
        cut.Find("[data-testid='fact-处置部门']").TextContent.ShouldBe("县市政设施管理所");
        cut.Markup.ShouldContain("已超期");
    }
}

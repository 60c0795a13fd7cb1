using Bunit;
using CityMgmt.Domain.Cases;
using CityMgmt.Tests.Support;
using CityMgmt.Web.Components.Pages.Cases;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CityMgmt.Tests.Web.Cases;

public sealed class CaseListTests
{
    private static readonly DateTimeOffset June10 = new(2025, 6, 10, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Render_AsShiftLeader_ShowsFirstPageOfAllCases()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var all = await db.Cases.CountAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "zbz");

        var cut = ctx.Render(PageHost.WithPopovers<CaseList>());

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=case-link]").Count.ShouldBe(Math.Min(20, all)));
        cut.Find("[data-testid=case-total]").TextContent.ShouldBe($"共 {all:N0} 件");
        cut.FindAll("[data-testid=case-status]").Count.ShouldBe(Math.Min(20, all));
        cut.Markup.ShouldContain("处置时限");
    }

    [Fact]
    public async Task Render_StatusInQueryString_ListsOnlyThatStatus()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await TestCases.DispatchedAsync(services, "SZ", June10, 90_001);
        await using var db = services.NewDb();
        var expected = await db.Cases.CountAsync(c => c.Status == CaseStatus.InDisposal);
        await using var ctx = await BunitHost.CreateAsync(services, "zbz");

        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/cases?status=InDisposal");

        var cut = ctx.Render(PageHost.WithPopovers<CaseList>());

        cut.WaitForAssertion(() => cut.Find("[data-testid=case-total]").TextContent.ShouldBe($"共 {expected:N0} 件"));
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=case-status]").Count.ShouldBe(Math.Min(20, expected)));
        cut.FindAll("[data-testid=case-status]").ShouldAllBe(chip => chip.TextContent.Trim() == "处置中");
        cut.FindAll("[data-testid=deadline-light]").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Render_OpenInQueryString_ListsOnlyCasesNotYetFinal()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var final = new[] { CaseStatus.Closed, CaseStatus.NotFiled, CaseStatus.Cancelled };
        var expected = await db.Cases.CountAsync(c => !final.Contains(c.Status));
        await using var ctx = await BunitHost.CreateAsync(services, "zbz");

        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/cases?open=1");

        var cut = ctx.Render(PageHost.WithPopovers<CaseList>());

        cut.WaitForAssertion(() => cut.Find("[data-testid=case-total]").TextContent.ShouldBe($"共 {expected:N0} 件"));
        cut.FindAll("[data-testid=case-status]").ShouldAllBe(chip => !new[] { "已结案", "不予立案", "已作废" }.Contains(chip.TextContent.Trim()));
    }

    [Fact]
    public async Task Render_AsDepartmentHandler_ListsOnlyItsDepartmentsCases()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var mine = await TestCases.DispatchedAsync(services, "HW", June10, 90_001);
        var other = await TestCases.DispatchedAsync(services, "SZ", June10, 90_002);
        await using var db = services.NewDb();
        var hw = await db.OrgUnits.Where(o => o.Code == "HW").Select(o => o.Id).SingleAsync();
        var expected = await db.Cases.CountAsync(c => c.DepartmentId == hw);
        await using var ctx = await BunitHost.CreateAsync(services, "hwcz");

        var cut = ctx.Render(PageHost.WithPopovers<CaseList>());

        cut.WaitForAssertion(() => cut.Find("[data-testid=case-total]").TextContent.ShouldBe($"共 {expected:N0} 件"));
        cut.Markup.ShouldContain(mine.Number.Value);
        cut.Markup.ShouldNotContain(other.Number.Value);
    }

    [Fact]
    public async Task Search_ByFullNumber_ShowsThatCaseOnly()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var target = await TestCases.DispatchedAsync(services, "SZ", June10, 90_001);
        await using var ctx = await BunitHost.CreateAsync(services, "zbz");
        var cut = ctx.Render(PageHost.WithPopovers<CaseList>());
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=case-link]").ShouldNotBeEmpty());

        cut.Find("input[data-testid=filter-number]").Change(target.Number.Value);
        await cut.Find("[data-testid=search]").ClickAsync(new());

        cut.WaitForAssertion(() => cut.Find("[data-testid=case-total]").TextContent.ShouldBe("共 1 件"));
        cut.Find("[data-testid=case-link]").TextContent.ShouldBe(target.Number.Value);
        cut.Find("[data-testid=case-link]").GetAttribute("href").ShouldBe($"/cases/{target.Id}");
    }

    [Fact]
    public async Task Search_UnreadableNumber_ShowsHintAndNoCases()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "zbz");
        var cut = ctx.Render(PageHost.WithPopovers<CaseList>());
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=case-link]").ShouldNotBeEmpty());

        cut.Find("input[data-testid=filter-number]").Change("2025-06");
        await cut.Find("[data-testid=search]").ClickAsync(new());

        cut.WaitForAssertion(() => cut.Markup.ShouldContain("请输入完整编号或8位日期"));
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=case-link]").ShouldBeEmpty());
        cut.Find("[data-testid=case-total]").TextContent.ShouldBe("共 0 件");
    }
}

/// <summary>Pages rendered under MudBlazor's popover provider (as MainLayout does), so selects and pickers can render.</summary>
internal static class PageHost
{
    public static RenderFragment WithPopovers<TPage>()
        where TPage : IComponent => builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<TPage>(1);
        builder.CloseComponent();
    };
}

using Bunit;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Organisation;
using CityMgmt.Tests.Support;
using CityMgmt.Web.Components.Layout;
using CityMgmt.Web.Components.Pages;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Web.Shell;

public class ShellRenderTests
{
    private static readonly CaseStatus[] Final = [CaseStatus.Closed, CaseStatus.Cancelled, CaseStatus.NotFiled];

    [Fact]
    public async Task NavMenu_ForDispatcher_LinksBuiltPagesAndMarksPlannedOnes()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "pqy");

        var cut = ctx.Render<NavMenu>(p => p.Add(m => m.Roles, new HashSet<string> { StaffRole.Dispatcher }));

        cut.FindAll("a[href='/cases']").Count.ShouldBe(1);
        cut.FindAll("a[href='/admin/users']").ShouldBeEmpty();
        cut.Markup.ShouldContain("规划中");
    }

    [Fact]
    public async Task Home_ForShiftLeader_ShowsCountyWideCountsFromTheDatabase()
    {
        await using var services = await TestServices.FromTemplateAsync();
        int open, total;
        await using (var db = services.NewDb())
        {
            open = await db.Cases.CountAsync(c => !Final.Contains(c.Status));
            total = await db.Grids.CountAsync();
        }

        await using var ctx = await BunitHost.CreateAsync(services, "zbz");
        var cut = ctx.Render<Home>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=stat-open-value]").TextContent.ShouldBe(open.ToString("N0")));
        cut.Find("[data-testid=base-data-totals]").TextContent.ShouldContain($"单元网格 {total:N0} 个");
        cut.Markup.ShouldContain("数据范围：全县");
    }

    [Fact]
    public async Task Home_ForDepartmentHandler_CountsOnlyItsDepartmentsCases()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await TestCases.DispatchedAsync(services, "SZ", DateTimeOffset.UtcNow.AddHours(-1), 90_001);
        await TestCases.DispatchedAsync(services, "HW", DateTimeOffset.UtcNow.AddHours(-1), 90_002);
        var czry = await services.StaffAsync("czry");
        int open;
        await using (var db = services.NewDb())
        {
            open = await db.Cases.CountAsync(c => c.DepartmentId == czry.Scope.OrgUnitId && !Final.Contains(c.Status));
            (await db.Cases.CountAsync(c => !Final.Contains(c.Status))).ShouldBeGreaterThan(open, "the fixture must have other departments' open cases");
        }

        await using var ctx = await BunitHost.CreateAsync(services, "czry");
        var cut = ctx.Render<Home>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=stat-open-value]").TextContent.ShouldBe(open.ToString("N0")));
        cut.FindAll("[data-testid=base-data-totals]").ShouldBeEmpty();
        cut.Markup.ShouldContain("承办案件");
    }

    [Theory]
    [InlineData("/cases?status=Closed", "/cases?status=Closed")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/account/logout", "/")]
    public void SafeReturnUrl_OnlySameSitePaths(string? input, string expected) =>
        CityMgmt.Web.Components.Account.Login.SafeReturnUrl(input).ShouldBe(expected);
}

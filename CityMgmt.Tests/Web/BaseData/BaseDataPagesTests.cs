using Bunit;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Divisions;
using CityMgmt.Tests.Support;
using CityMgmt.Tests.Web.Cases;
using CityMgmt.Web.Components.Pages.BaseData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Web.BaseData;

public sealed class BaseDataPagesTests
{
    [Fact]
    public async Task GridsPage_Render_ShowsTotalAndFirstPage()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var all = await db.Grids.CountAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "zbz");

        var cut = ctx.Render(PageHost.WithPopovers<GridsPage>());

        cut.WaitForAssertion(() => cut.Find("[data-testid=grid-total]").TextContent.ShouldBe($"共 {all:N0} 个"));
        cut.FindAll("[data-testid=grid-code]").Count.ShouldBe(20);
        cut.Markup.ShouldContain("面积(m²)");
    }

    [Fact]
    public async Task GridsPage_SearchStreet_ShowsThatStreetsTotal()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var town = await db.Divisions.SingleAsync(d => d.Name == "白马镇");
        var expected = await db.Grids.CountAsync(g => g.StreetId == town.Id);
        await using var ctx = await BunitHost.CreateAsync(services, "zbz");
        var cut = ctx.Render(PageHost.WithPopovers<GridsPage>());
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=grid-code]").Count.ShouldBe(20));

        cut.Find("input[data-testid=grid-search]").Input("白马镇");

        cut.WaitForAssertion(() => cut.Find("[data-testid=grid-total]").TextContent.ShouldBe($"共 {expected:N0} 个"), TimeSpan.FromSeconds(5));
        cut.FindAll("[data-testid=grid-code]").ShouldAllBe(td => td.TextContent.StartsWith(town.Code));
    }

    [Fact]
    public async Task ComponentsPage_Render_ShowsTotalOfAllComponents()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var all = await db.Components.CountAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "ld");

        var cut = ctx.Render(PageHost.WithPopovers<ComponentsPage>());

        cut.WaitForAssertion(() => cut.Find("[data-testid=component-total]").TextContent.ShouldBe($"共 {all:N0} 个"));
        cut.FindAll("[data-testid=component-code]").Count.ShouldBe(20);
        cut.Markup.ShouldContain("部件标识码");
    }

    [Fact]
    public async Task ComponentsPage_ChooseMinorClass_ListsOnlyThatClassWithItsTotal()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var sewer = await db.Categories.SingleAsync(c => c.Kind == CategoryKind.Component && c.MajorCode == "01" && c.MinorCode == "02");
        var expected = await db.Components.CountAsync(c => c.CategoryId == sewer.Id);
        await using var ctx = await BunitHost.CreateAsync(services, "pqy");
        var cut = ctx.Render(PageHost.WithPopovers<ComponentsPage>());
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=component-code]").Count.ShouldBe(20));
        cut.FindAll("[data-testid=select-group]").ShouldBeEmpty();

        await cut.Find("[data-testid=filter-class]").MouseDownAsync(new());
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=select-group]").Select(g => g.TextContent).ShouldContain("01 公用设施"));
        await cut.FindAll(".mud-list-item").First(e => e.TextContent.Trim() == "0102 污水井盖").ClickAsync(new());

        cut.WaitForAssertion(() => cut.Find("[data-testid=component-total]").TextContent.ShouldBe($"共 {expected:N0} 个"));
        cut.FindAll("[data-testid=component-code]").ShouldAllBe(td => td.TextContent.Substring(6, 4) == "0102");
    }

    [Fact]
    public async Task DivisionsPage_Render_ShowsCountyStreetsAndGridTotals()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var grids = await db.Grids.CountAsync();
        var streets = await db.Divisions.CountAsync(d => d.Level == DivisionLevel.Street);
        var town = await db.Divisions.SingleAsync(d => d.Name == "青龙镇");
        var townGrids = await db.Grids.CountAsync(g => g.StreetId == town.Id);
        await using var ctx = await BunitHost.CreateAsync(services, "admin");

        var cut = ctx.Render<DivisionsPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=division-totals]").TextContent.ShouldContain($"{grids:N0} 个单元网格"));
        cut.Find("[data-testid=division-totals]").TextContent.ShouldContain($"共 {streets} 个街道/乡镇（其中镇 4 个）");
        cut.Markup.ShouldContain("519901 示范县");
        cut.Markup.ShouldContain($"{town.Code} 青龙镇（镇）");
        cut.Markup.ShouldContain("城关街道（街道）");
        cut.Markup.ShouldContain($"{townGrids:N0} 个网格");
    }

    [Theory]
    [InlineData(typeof(DivisionsPage))]
    [InlineData(typeof(GridsPage))]
    [InlineData(typeof(ComponentsPage))]
    public void Pages_Authorize_CentreRolesOnly(Type page)
    {
        var roles = page.GetCustomAttributes(typeof(AuthorizeAttribute), true).Cast<AuthorizeAttribute>().Single(a => a.Roles is not null).Roles!.Split(',');

        roles.ShouldBe(["Operator", "ShiftLeader", "Dispatcher", "Leader", "Admin"], ignoreOrder: true);
    }
}

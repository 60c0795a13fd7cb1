using Bunit;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Tests.Support;
using CityMgmt.Web.Components.Pages.Admin;
using Microsoft.AspNetCore.Components;

namespace CityMgmt.Tests.Web.Admin;

public class OrgUnitsPageTests
{
    [Fact]
    public async Task Render_AsAdmin_ListsCentreSubCentresAndDepartmentsWithArea()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var subCentre = (await services.Get<BaseDataQueries>().OrgUnitsAsync()).Single(o => o.Code == "FZX101");
        var street = (await services.Get<BaseDataQueries>().DivisionsAsync()).Single(d => d.Id == subCentre.AreaDivisionId);
        await using var ctx = await BunitHost.CreateAsync(services, "admin");

        var cut = ctx.Render<OrgUnitsPage>();

        cut.WaitForAssertion(() => cut.Markup.ShouldContain("HW"));
        Cells(cut, "CENTRE").ShouldContain("监督指挥中心");
        var fzx = Cells(cut, "FZX101");
        fzx[3].ShouldBe("镇乡分中心");
        fzx[4].ShouldBe(street.Name);
        Cells(cut, "HW").ShouldBe(["HW", "县环境卫生管理所", "环卫所", "专业部门", "—", "启用", "重命名停用"]);
    }

    [Fact]
    public async Task CreateDialog_NewDepartment_AppearsInTable()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "admin");
        var cut = ctx.Render(AdminPageHost.WithProviders<OrgUnitsPage>());
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("HW"));

        cut.Find("[data-testid=org-create]").Click();
        cut.WaitForAssertion(() => cut.Find("input[data-testid=org-code]"));
        cut.Find("input[data-testid=org-code]").Change("JT");
        cut.Find("input[data-testid=org-name]").Change("县交通运输局");
        cut.Find("input[data-testid=org-short-name]").Change("交通局");
        await cut.Find("[data-testid=org-save]").ClickAsync(new());

        cut.WaitForAssertion(() => Cells(cut, "JT").ShouldBe(["JT", "县交通运输局", "交通局", "专业部门", "—", "启用", "重命名停用"]));
        cut.FindAll("input[data-testid=org-code]").ShouldBeEmpty();
        ctx.Snackbars().ShouldContain("机构已创建");
    }

    [Fact]
    public async Task CreateDialog_DuplicateCode_ShowsMessageAndKeepsInput()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "admin");
        var cut = ctx.Render(AdminPageHost.WithProviders<OrgUnitsPage>());
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("HW"));

        cut.Find("[data-testid=org-create]").Click();
        cut.WaitForAssertion(() => cut.Find("input[data-testid=org-code]"));
        cut.Find("input[data-testid=org-code]").Change("HW");
        cut.Find("input[data-testid=org-name]").Change("第二环卫所");
        await cut.Find("[data-testid=org-save]").ClickAsync(new());

        ctx.Snackbars().ShouldContain("机构编码“HW”已存在");
        cut.Find("input[data-testid=org-code]").GetAttribute("value").ShouldBe("HW");
        cut.Find("input[data-testid=org-name]").GetAttribute("value").ShouldBe("第二环卫所");
    }

    [Fact]
    public async Task Deactivate_Confirmed_RowShowsInactive()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "admin");
        var cut = ctx.Render(AdminPageHost.WithProviders<OrgUnitsPage>());
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("GD"));

        cut.Find("[data-testid=org-deactivate-GD]").Click();
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("确定停用“国网示范县供电公司”吗"));
        await cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "停用").ClickAsync(new());

        cut.WaitForAssertion(() => Cells(cut, "GD")[5].ShouldBe("停用"));
        cut.FindAll("[data-testid=org-deactivate-GD]").ShouldBeEmpty();
        (await services.Get<BaseDataQueries>().OrgUnitsAsync()).Single(o => o.Code == "GD").IsActive.ShouldBeFalse();
    }

    [Fact]
    public async Task Deactivate_Cancelled_NothingChanges()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "admin");
        var cut = ctx.Render(AdminPageHost.WithProviders<OrgUnitsPage>());
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("GD"));

        cut.Find("[data-testid=org-deactivate-GD]").Click();
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("确定停用"));
        await cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "取消").ClickAsync(new());

        cut.WaitForAssertion(() => cut.Markup.ShouldNotContain("确定停用"));
        (await services.Get<BaseDataQueries>().OrgUnitsAsync()).Single(o => o.Code == "GD").IsActive.ShouldBeTrue();
        Cells(cut, "GD")[5].ShouldBe("启用");
    }

    private static List<string> Cells<T>(IRenderedComponent<T> cut, string code)
        where T : IComponent =>
        cut.FindAll("tbody tr")
            .Single(r => r.QuerySelector("td")?.TextContent.Trim() == code)
            .QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
}

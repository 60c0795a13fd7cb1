using Bunit;
using CityMgmt.Domain.Categories;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Tests.Support;
using CityMgmt.Web.Components.Pages.Admin;
using Microsoft.AspNetCore.Components;

namespace CityMgmt.Tests.Web.Admin;

public class CategoriesPageTests
{
    [Fact]
    public async Task Render_AsAdmin_ComponentTabGroupsMinorsUnderTheirMajor()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "admin");

        var cut = ctx.Render<CategoriesPage>();

        cut.WaitForAssertion(() => cut.Markup.ShouldContain("污水井盖"));
        Cells(cut, "0102").ShouldBe(["0102", "污水井盖", "2 小时(紧急)", "县市政设施管理所", "", "启用", "编辑"]);
        cut.Markup.ShouldContain("01 公用设施");
        cut.Markup.ShouldNotContain("暴露垃圾");
    }

    [Fact]
    public async Task EventTab_Selected_ListsEventClasses()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "admin");
        var cut = ctx.Render<CategoriesPage>();
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("污水井盖"));

        await cut.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "事件类别").ClickAsync(new());

        cut.WaitForAssertion(() => Cells(cut, "0102").ShouldBe(["0102", "暴露垃圾", "4 工作时", Cells(cut, "0102")[3], "", "启用", "编辑"]));
        cut.Markup.ShouldContain("01 市容环境");
        cut.Markup.ShouldNotContain("污水井盖");
    }

    [Fact]
    public async Task EditDialog_ZeroLimitThenThree_ErrorFirstThenSaved()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "admin");
        var cut = ctx.Render(AdminPageHost.WithProviders<CategoriesPage>());
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("污水井盖"));

        cut.Find("[data-testid=category-edit-Component-0102]").Click();
        cut.WaitForAssertion(() => cut.Find("input[data-testid=rules-limit]").GetAttribute("value").ShouldBe("2"));
        cut.Find("input[data-testid=rules-limit]").Change("0");
        await cut.Find("[data-testid=category-save]").ClickAsync(new());

        ctx.Snackbars().ShouldContain("时限必须大于 0");
        cut.Find("input[data-testid=rules-limit]").GetAttribute("value").ShouldBe("0");

        cut.Find("input[data-testid=rules-limit]").Change("3");
        await cut.Find("[data-testid=category-save]").ClickAsync(new());

        cut.WaitForAssertion(() => Cells(cut, "0102")[2].ShouldBe("3 小时(紧急)"));
        cut.FindAll("[data-testid=category-save]").ShouldBeEmpty();
        var saved = (await services.Get<BaseDataQueries>().CategoriesAsync()).Single(c => c is { Kind: CategoryKind.Component, FullCode: "0102" });
        saved.FilingCondition.ShouldBe("井盖丢失、破损、移位、错位或井盖与路面高差超过2厘米");
        saved.Accuracy.ShouldBe(PositionAccuracy.A);
    }

    [Fact]
    public async Task ExtensionDialog_UnderMajor_AddsMarkedRow()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "admin");
        var cut = ctx.Render(AdminPageHost.WithProviders<CategoriesPage>());
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("污水井盖"));

        cut.Find("[data-testid=extension-add-Component-01]").Click();
        cut.WaitForAssertion(() => cut.Find("input[data-testid=extension-code]"));
        cut.Find("input[data-testid=extension-code]").Change("90");
        cut.Find("input[data-testid=extension-name]").Change("智能井盖");
        cut.Find("input[data-testid=rules-limit]").Change("4");
        await cut.Find("[data-testid=extension-save]").ClickAsync(new());

        cut.WaitForAssertion(() => Cells(cut, "0190").ShouldBe(["0190", "智能井盖", "4 工作时", "—", "扩展", "启用", "编辑"]));
        ctx.Snackbars().ShouldContain("扩展类别已添加");
    }

    [Fact]
    public async Task ExtensionDialog_ExistingCode_ShowsMessageAndStaysOpen()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "admin");
        var cut = ctx.Render(AdminPageHost.WithProviders<CategoriesPage>());
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("污水井盖"));

        cut.Find("[data-testid=extension-add-Component-01]").Click();
        cut.WaitForAssertion(() => cut.Find("input[data-testid=extension-code]"));
        cut.Find("input[data-testid=extension-code]").Change("02");
        cut.Find("input[data-testid=extension-name]").Change("又一个井盖");
        cut.Find("input[data-testid=rules-limit]").Change("4");
        await cut.Find("[data-testid=extension-save]").ClickAsync(new());

        ctx.Snackbars().ShouldContain("同一大类下已存在相同代码的小类");
        cut.Find("input[data-testid=extension-name]").GetAttribute("value").ShouldBe("又一个井盖");
    }

    private static List<string> Cells<T>(IRenderedComponent<T> cut, string code)
        where T : IComponent =>
        cut.FindAll("tbody tr")
            .Single(r => r.QuerySelector("td")?.TextContent.Trim() == code)
            .QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
}

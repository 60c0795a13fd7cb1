using System.Reflection;
using Bunit;
using CityMgmt.Domain.Organisation;
using CityMgmt.Tests.Support;
using CityMgmt.Tests.Web.Admin;
using CityMgmt.Web.Components.Pages.Admin.Evaluation;
using CityMgmt.Web.Components.Pages.Evaluation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Web.Evaluation;

public class FormulaSetPageTests
{
    [Fact]
    public async Task Save_BadFormula_ShowsTheChineseMessageAndSavesNothing()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "admin");
        var cut = ctx.Render(AdminPageHost.WithProviders<FormulaSetPage>());
        cut.WaitForAssertion(() => cut.FindAll("input[data-testid=indicator-numerator]").ShouldNotBeEmpty());

        cut.FindAll("input[data-testid=indicator-numerator]")[0].Change("ValidReported +");
        await cut.Find("[data-testid=formula-save]").ClickAsync(new());

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=formula-error]").Select(e => e.TextContent)
            .ShouldBe(["“监督员”指标“有效上报率”的分子公式“ValidReported +”有语法错误（第15个字符附近）"]));
        await using var db = services.NewDb();
        (await db.EvaluationFormulaDrafts.CountAsync()).ShouldBe(0);
        (await db.EvaluationFormulaSets.CountAsync()).ShouldBe(0);
        (await db.AdminAudit.CountAsync(a => a.Action.Contains("评价方案"))).ShouldBe(0);
    }

    [Fact]
    public async Task Publish_RenamedSet_BecomesVersion2AndIsListed()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "admin");
        var cut = ctx.Render(AdminPageHost.WithProviders<FormulaSetPage>());
        cut.WaitForAssertion(() => cut.Find("input[data-testid=formula-name]"));

        cut.Find("input[data-testid=formula-name]").Change("本县评价方案");
        cut.Find("[data-testid=formula-publish]").Click();
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("确定发布"));
        await cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "发布").ClickAsync(new());

        cut.WaitForAssertion(() => cut.Find("[data-testid=formula-versions]").TextContent.ShouldContain("第2版本县评价方案"));
        cut.Find("[data-testid=formula-status]").TextContent.ShouldContain("当前生效：第2版");
        ctx.Snackbars().ShouldContain("已发布新版本");
        await using var db = services.NewDb();
        (await db.EvaluationFormulaSets.SingleAsync()).Name.ShouldBe("本县评价方案");
    }

    [Theory]
    [InlineData(typeof(FormulaSetPage), "/admin/evaluation-formulas", StaffRole.Admin)]
    [InlineData(typeof(DeductionsPage), "/evaluation/deductions", "Leader,ShiftLeader,Admin")]
    public void Page_ServesItsHref_ForItsRoles(Type page, string href, string roles)
    {
        page.GetCustomAttributes<RouteAttribute>().Select(r => r.Template).ShouldBe([href]);
        page.GetCustomAttributes<AuthorizeAttribute>().ShouldContain(a => a.Roles == roles);
    }
}

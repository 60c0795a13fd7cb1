using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CityMgmt.Tests.E2E;

[Collection(AppCollection.Name)]
public class HotlineTests(AppServer app)
{
    [Fact]
    public async Task Operator_RegistersA12319Call_CaseIsAHotlineCaseWithCallerAndCallbackWaitingForAcceptance()
    {
        var (categoryLabel, before) = await CategoryAndCountAsync();
        var page = await app.LoginAsync("sly");
        await page.GotoAsync("/hotline");
        await AppServer.WaitForCircuitAsync(page);

        // Nothing filled: a Chinese message, nothing saved.
        await page.ClickAsync("[data-testid=hotline-submit]");
        (await page.InnerTextAsync("[data-testid=hotline-error]")).ShouldContain("联系电话");

        await page.FillAsync("input[data-testid=hotline-name]", "王先生");
        await page.FillAsync("input[data-testid=hotline-phone]", "13800001234");
        await page.Locator("[data-testid=hotline-callback]").CheckAsync(new() { Force = true });
        await page.FillAsync("[data-testid=hotline-category-filter]", "游商");
        await page.SelectOptionAsync("[data-testid=hotline-category]", new SelectOptionValue { Label = categoryLabel });
        await page.FillAsync("[data-testid=hotline-description]", "路口有流动摊贩占道经营");
        await page.FillAsync("input[data-testid=hotline-address]", "人民路与建设路路口东50米");
        await page.ClickAsync("[data-testid=hotline-geocode]");
        await page.WaitForSelectorAsync("[data-testid=hotline-location], [data-testid=hotline-match]");
        if (await page.Locator("[data-testid=hotline-location]").CountAsync() == 0)
        {
            await page.Locator("[data-testid=hotline-match]").First.ClickAsync();
        }

        (await page.InnerTextAsync("[data-testid=hotline-location]")).ShouldNotContain("不在任何网格内");
        await page.ClickAsync("[data-testid=hotline-submit]");
        await page.WaitForURLAsync("**/cases/*");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CityDbContext>();
        var item = await db.Cases.AsNoTracking().OrderByDescending(c => c.ReportedAt).FirstAsync(c => c.Source == CaseSource.Hotline && c.ReporterPhone == "13800001234");
        (item.ReporterName, item.CallbackRequested, item.Address).ShouldBe(("王先生", true, "人民路与建设路路口东50米"));
        page.Url.ShouldEndWith($"/cases/{item.Id}");
        (await db.WorkflowTasks.SingleAsync(t => t.CaseId == item.Id && t.Status == WorkflowTaskStatus.Open)).Name.ShouldBe("受理");
        (await db.Cases.CountAsync()).ShouldBe(before + 1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Supervisor_CannotOpenTheHotlineSeat()
    {
        var page = await app.LoginAsync("jdy");
        await page.GotoAsync("/hotline");

        await page.WaitForSelectorAsync("text=无权访问");
        new Uri(page.Url).AbsolutePath.ShouldBe("/account/access-denied");
        (await page.Locator("[data-testid=hotline-submit]").CountAsync()).ShouldBe(0);
        await page.Context.CloseAsync();
    }

    private async Task<(string Label, int Cases)> CategoryAndCountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CityDbContext>();
        var category = await db.Categories.AsNoTracking().FirstAsync(c => c.Kind == CategoryKind.Event && c.MajorCode == "05" && c.MinorCode == "01");
        return ($"{category.FullCode} {category.Name}", await db.Cases.CountAsync());
    }
}

using CityMgmt.Domain.Evaluation;
using CityMgmt.Infrastructure.Evaluation;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Tests.Infrastructure.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CityMgmt.Tests.E2E;

[Collection(AppCollection.Name)]
public class EvaluationExportTests(AppServer app)
{
    [Fact]
    public async Task Leader_ExportsTheMonthlyReport_AsExcelAndPdf()
    {
        var runId = await LastMonthRunAsync();
        var page = await app.LoginAsync("ld");
        await page.GotoAsync("/evaluation");
        await AppServer.WaitForCircuitAsync(page);
        await page.WaitForSelectorAsync("[data-testid=export-xlsx]");
        using var folder = new TempFolder();

        var excel = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-xlsx]"));
        var xlsx = folder.File("report.xlsx");
        await excel.SaveAsAsync(xlsx);
        excel.SuggestedFilename.ShouldEndWith(".xlsx");
        var title = ExternalTools.Openpyxl(xlsx, """
            import json, sys, openpyxl
            print(json.dumps(openpyxl.load_workbook(sys.argv[1]).worksheets[0]["A1"].value, ensure_ascii=False))
            """);
        title.GetString()!.ShouldContain("月度数字化城市管理综合评价报告");

        var pdf = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-pdf]"));
        var file = folder.File("report.pdf");
        await pdf.SaveAsAsync(file);
        var pages = ExternalTools.PdfPages(file);
        pages[0].ShouldContain("月度数字化城市管理综合评价报告");
        pages[0].ShouldContain(EvaluationPeriod.LastCompleted(PeriodKind.Month, DateTimeOffset.UtcNow).Label);
        runId.ShouldNotBe(Guid.Empty);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Supervisor_CannotOpenTheRankingsNorCallTheExport()
    {
        var runId = await LastMonthRunAsync();
        var page = await app.LoginAsync("jdy");

        await page.GotoAsync("/evaluation");
        await page.WaitForSelectorAsync("text=无权访问");
        new Uri(page.Url).AbsolutePath.ShouldBe("/account/access-denied");
        (await page.QuerySelectorAsync("[data-testid=export-xlsx]")).ShouldBeNull();

        foreach (var format in new[] { "xlsx", "pdf" })
        {
            var response = await page.APIRequest.GetAsync($"/api/evaluation/runs/{runId}/export/{format}", new APIRequestContextOptions { MaxRedirects = 0 });
            response.Status.ShouldBe(403);
        }

        await page.Context.CloseAsync();
    }

    /// <summary>The catch-up at start evaluates last month; its run is what the page shows first.</summary>
    private async Task<Guid> LastMonthRunAsync()
    {
        await app.Services.GetRequiredService<EvaluationCatchUp>().Completion;
        await using var scope = app.Services.CreateAsyncScope();
        var leader = (await scope.ServiceProvider.GetRequiredService<UserDirectory>().LoadAsync("demo-ld"))!;
        var runs = (await scope.ServiceProvider.GetRequiredService<EvaluationQueries>().RunsAsync(leader, PeriodKind.Month)).Value;
        return runs[0].Id;
    }
}

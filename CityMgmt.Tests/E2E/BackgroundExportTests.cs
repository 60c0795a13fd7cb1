using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Exports;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Evaluation;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Reports.Exports;
using CityMgmt.Tests.Infrastructure.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CityMgmt.Tests.E2E;

/// <summary>Background case-list export on 评价排名 (progress, link, download) and who may not have it.</summary>
[Collection(AppCollection.Name)]
public class BackgroundExportTests(AppServer app)
{
    private const string SheetScript = """
        import json, sys, openpyxl
        ws = openpyxl.load_workbook(sys.argv[1], read_only=True).worksheets[0]
        rows = [[c for c in row] for row in ws.iter_rows(values_only=True)]
        print(json.dumps({"title": ws.title, "header": rows[0], "numbers": [r[0] for r in rows[1:]]}, default=str, ensure_ascii=False))
        """;

    [Fact]
    public async Task Leader_StartsTheCaseListExport_SeesProgressThenDownloadsTheWorkbook()
    {
        await app.Services.GetRequiredService<EvaluationCatchUp>().Completion;
        var page = await app.LoginAsync("ld");
        await page.GotoAsync("/evaluation");
        await AppServer.WaitForCircuitAsync(page);
        await page.WaitForSelectorAsync("[data-testid=export-cases-bg]");
        // Record every state a row shows while the export runs: the old value of each data-state change too, as several
        // render batches can be applied before the observer's callback runs.
        await page.EvaluateAsync("""
            () => {
              window.exportSeen = [];
              new MutationObserver((records) => {
                records.filter(r => r.type === 'attributes' && r.attributeName === 'data-state').forEach(r => window.exportSeen.push(r.oldValue + '|'));
                document.querySelectorAll('[data-testid=export-job]').forEach(row =>
                  window.exportSeen.push(row.dataset.state + '|' + (row.querySelector('[data-testid=export-progress-text]')?.textContent ?? '')));
              }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeOldValue: true });
            }
            """);

        var before = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('[data-testid=export-job]')].map(r => r.dataset.id)");

        await page.ClickAsync("[data-testid=export-cases-bg]");
        var id = await NewestRowAsync(page, before);
        var link = await page.WaitForSelectorAsync($"[data-testid=export-job][data-id='{id}'][data-state=Completed] [data-testid=export-download]", new() { Timeout = 60_000 });

        var expected = await LastMonthCaseNumbersAsync();
        expected.Count.ShouldBeGreaterThan(0);
        var seen = await page.EvaluateAsync<string[]>("() => window.exportSeen");
        seen.ShouldContain(s => s.StartsWith("Running|", StringComparison.Ordinal));
        (await page.InnerTextAsync($"[data-testid=export-job][data-id='{id}'] [data-testid=export-progress-text]")).ShouldBe($"已完成，共 {expected.Count:N0} 行");
        (await link!.InnerTextAsync()).ShouldStartWith("案件清单-");

        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        using var folder = new TempFolder();
        var file = folder.File("cases.xlsx");
        await download.SaveAsAsync(file);
        download.SuggestedFilename.ShouldStartWith("案件清单-");
        var sheet = ExternalTools.Openpyxl(file, SheetScript);
        sheet.GetProperty("title").GetString().ShouldBe("案件清单");
        sheet.GetProperty("header")[0].GetString().ShouldBe("案件编号");
        sheet.GetProperty("numbers").EnumerateArray().Select(n => n.GetString()).ShouldBe(expected, ignoreOrder: true);

        await page.GotoAsync("/exports");
        await page.WaitForSelectorAsync($"[data-testid=export-job][data-id='{id}'][data-state=Completed]");
        await page.Context.CloseAsync();
    }

    /// <summary>The id of the row the click added (the list is newest first).</summary>
    private static async Task<string> NewestRowAsync(IPage page, string[] before)
    {
        var handle = await page.WaitForFunctionAsync(
            "(old) => { const row = document.querySelector('[data-testid=export-job]'); return row && !old.includes(row.dataset.id) ? row.dataset.id : null; }",
            before);
        return await handle.JsonValueAsync<string>();
    }

    [Fact]
    public async Task SupervisorAndOtherLeaders_CannotStartOrFetchTheLeadersExport()
    {
        var id = await LeaderExportAsync();

        var jdy = await app.LoginAsync("jdy");
        foreach (var path in new[] { "/evaluation", "/exports" })
        {
            await jdy.GotoAsync(path);
            await jdy.WaitForSelectorAsync("text=无权访问");
            (await jdy.QuerySelectorAsync("[data-testid=export-cases-bg]")).ShouldBeNull();
        }

        var refused = await jdy.APIRequest.GetAsync($"/api/exports/{id}/file", new APIRequestContextOptions { MaxRedirects = 0 });
        refused.Status.ShouldBe(403);
        await jdy.Context.CloseAsync();

        var zbz = await app.LoginAsync("zbz");
        var other = await zbz.APIRequest.GetAsync($"/api/exports/{id}/file", new APIRequestContextOptions { MaxRedirects = 0 });
        other.Status.ShouldBe(404);
        await zbz.Context.CloseAsync();

        var ld = await app.LoginAsync("ld");
        var own = await ld.APIRequest.GetAsync($"/api/exports/{id}/file", new APIRequestContextOptions { MaxRedirects = 0 });
        own.Status.ShouldBe(200);
        await ld.Context.CloseAsync();
    }

    /// <summary>A finished export of 陈领导 (made through the service when the other test has not run yet).</summary>
    private async Task<Guid> LeaderExportAsync()
    {
        await app.Services.GetRequiredService<EvaluationCatchUp>().Completion;
        await using var scope = app.Services.CreateAsyncScope();
        var leader = (await scope.ServiceProvider.GetRequiredService<UserDirectory>().LoadAsync("demo-ld"))!;
        var queue = scope.ServiceProvider.GetRequiredService<ExportQueue>();
        var runs = (await scope.ServiceProvider.GetRequiredService<EvaluationQueries>().RunsAsync(leader, PeriodKind.Month)).Value;
        for (var i = 0; i < 300; i++)
        {
            var mine = (await queue.MineAsync(leader)).Value;
            if (mine.FirstOrDefault(j => j.State == ExportJobState.Completed) is { } done)
            {
                return done.Id;
            }

            if (!mine.Any(j => j.IsActive))
            {
                (await queue.StartAsync(leader, ExportKind.CaseList, runs[0].Id)).IsSuccess.ShouldBeTrue();
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The leader's export did not finish within a minute.");
    }

    private async Task<List<string>> LastMonthCaseNumbersAsync()
    {
        var period = EvaluationPeriod.LastCompleted(PeriodKind.Month, DateTimeOffset.UtcNow);
        var (from, to) = (ChinaDay.Start(period.Start), ChinaDay.Start(period.End.AddDays(1)));
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CityDbContext>>().CreateDbContextAsync();
        var numbers = await db.Cases.Where(c => c.ReportedAt >= from && c.ReportedAt < to).Select(c => c.Number).ToListAsync();
        return numbers.Select(n => n.ToString()).ToList();
    }
}

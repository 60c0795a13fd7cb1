using CityMgmt.Infrastructure.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace CityMgmt.Tests.E2E;

/// <summary>The trend on 评价排名 is drawn by ECharts served from wwwroot/lib (no CDN), without console errors.</summary>
[Collection(AppCollection.Name)]
public class EvaluationTrendTests(AppServer app)
{
    [Fact]
    public async Task Leader_OpensASubjectsTrend_EChartsDrawsIntoTheChartWithoutErrors()
    {
        await app.Services.GetRequiredService<EvaluationCatchUp>().Completion;
        var page = await app.LoginAsync("ld");
        var errors = new List<string>();
        var outside = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(app.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                outside.Add(request.Url);
            }
        };

        await page.GotoAsync("/evaluation");
        await AppServer.WaitForCircuitAsync(page);
        await page.ClickAsync("[data-testid=subject-link] >> nth=0");

        await page.WaitForSelectorAsync("[data-testid=trend-chart] canvas");
        var size = await page.EvaluateAsync<int[]>("() => { const c = document.querySelector('[data-testid=trend-chart] canvas'); return [c.width, c.height]; }");
        size[0].ShouldBeGreaterThan(100);
        size[1].ShouldBeGreaterThan(100);
        // The chart's own instance is on the element (drawn by the module, not a static image).
        (await page.EvaluateAsync<bool>("() => !!document.querySelector('[data-testid=trend-chart]').getAttribute('_echarts_instance_')")).ShouldBeTrue();

        // Leaving the page disposes the chart without errors.
        await page.ClickAsync("a[href='/exports']");
        await page.WaitForURLAsync("**/exports");
        await page.WaitForSelectorAsync("text=我的导出");
        errors.ShouldBeEmpty();
        outside.ShouldBeEmpty();
        await page.Context.CloseAsync();
    }
}

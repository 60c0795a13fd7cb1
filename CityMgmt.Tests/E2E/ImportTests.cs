using System.Text;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CityMgmt.Tests.E2E;

[Collection(AppCollection.Name)]
public class ImportTests(AppServer app)
{
    private const int GoodRows = 1500;

    [Fact]
    public async Task ImportPage_FileWithBadRows_AllOrNothingWritesNothingThenSkipModeWritesTheGoodRows()
    {
        var file = new FilePayload { Name = "部件普查.geojson", MimeType = "application/geo+json", Buffer = ComponentsWithTwoBadRows() };
        var before = await ComponentCountAsync();
        var page = await app.LoginAsync("admin");
        await page.GotoAsync("/basedata/import");
        await AppServer.WaitForCircuitAsync(page);
        await page.WaitForSelectorAsync("[data-testid=import-limit]");
        await WatchForProgressAsync(page);

        await page.SetInputFilesAsync("input[type=file]", file);
        await page.WaitForSelectorAsync("[data-testid=import-file]:has-text('部件普查.geojson')");
        await page.ClickAsync("[data-testid=import-start]");

        var summary = page.Locator("[data-testid=import-summary]");
        await summary.WaitForAsync(new() { Timeout = 60_000 });
        (await summary.InnerTextAsync()).ShouldContain("发现 2 处错误，未导入任何数据");
        (await page.EvaluateAsync<bool>("() => window.cmSawProgress")).ShouldBeTrue("the progress panel showed while the import ran");
        (await page.Locator("[data-testid=error-row]").AllInnerTextsAsync()).ShouldBe(["3", "7"]);
        var messages = await page.Locator("[data-testid=error-message]").AllInnerTextsAsync();
        messages[0].ShouldContain("必须是16位数字（实际15位");
        messages[1].ShouldContain("自相交");
        (await ComponentCountAsync()).ShouldBe(before);

        await page.GetByText("跳过错误行").ClickAsync();
        await page.SetInputFilesAsync("input[type=file]", file);
        await page.WaitForSelectorAsync("[data-testid=import-file]:has-text('部件普查.geojson')");
        await page.ClickAsync("[data-testid=import-start]");

        await page.WaitForSelectorAsync("[data-testid=import-summary]:has-text('跳过 2 条')", new() { Timeout = 60_000 });
        (await summary.InnerTextAsync()).ShouldContain($"导入 {GoodRows} 条（新增 {GoodRows}");
        (await page.Locator("[data-testid=error-row]").AllInnerTextsAsync()).ShouldBe(["3", "7"]);
        (await ComponentCountAsync()).ShouldBe(before + GoodRows);
        (await page.InnerTextAsync("[data-testid=import-file]")).ShouldBe("未选择文件");
        (await page.Locator(".mud-chip:has-text('部件普查.geojson')").CountAsync()).ShouldBe(0, "the imported file is no longer shown as chosen");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "citymgmt-import-e2e.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    /// <summary>Records whether the progress panel ever appears (a small import may finish between two polls).</summary>
    private static async Task WatchForProgressAsync(IPage page) => await page.EvaluateAsync("""
        () => {
            window.cmSawProgress = false;
            new MutationObserver(() => {
                if (document.querySelector('[data-testid=import-progress]')) window.cmSawProgress = true;
            }).observe(document.body, { childList: true, subtree: true });
        }
        """);

    private async Task<int> ComponentCountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CityDbContext>().Components.CountAsync();
    }

    /// <summary>Manhole covers in the first demo grid; row 3 has a 15-digit code, row 7 a bow-tie polygon.</summary>
    private static byte[] ComponentsWithTwoBadRows()
    {
        var features = new List<string>();
        for (var i = 0; i < GoodRows + 2; i++)
        {
            var row = i + 1;
            var x = (104.0001 + (i % 40 * 0.00002)).ToString("F6", System.Globalization.CultureInfo.InvariantCulture);
            var y = (30.5001 + (i / 40 * 0.00001)).ToString("F6", System.Globalization.CultureInfo.InvariantCulture);
            var point = $$$"""{"type":"Point","coordinates":[{{{x}}},{{{y}}}]}""";
            var (code, dept, geometry) = row switch
            {
                3 => ("519901010295000", "SZ", point),
                7 => ("5199010405950007", "YL", """{"type":"Polygon","coordinates":[[[104.0002,30.5002],[104.0003,30.5003],[104.0003,30.5002],[104.0002,30.5003],[104.0002,30.5002]]]}"""),
                _ => ($"51990101029{50000 + row:D5}", "SZ", point),
            };
            features.Add($$$"""{"type":"Feature","geometry":{{{geometry}}},"properties":{"ObjID":"{{{code}}}","ObjName":"普查井盖","DeptCode1":"{{{dept}}}","ObjState":"完好"}}""");
        }

        return Encoding.UTF8.GetBytes($$$"""{"type":"FeatureCollection","features":[{{{string.Join(",\n", features)}}}]}""");
    }
}

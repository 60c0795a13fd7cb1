using System.Text.Json;
using Bunit;
using CityMgmt.Domain.Evaluation;
using CityMgmt.Infrastructure.Evaluation;
using CityMgmt.Web.Components.Shared;

namespace CityMgmt.Tests.Web.Evaluation;

public sealed class TrendChartTests
{
    [Fact]
    public async Task Render_TwoDepartments_DrawsThroughTheModuleWithGradeColoursAndDisposesIt()
    {
        await using var ctx = new BunitContext();
        var module = ctx.JSInterop.SetupModule("./js/trend-chart.js");
        module.SetupVoid("render", _ => true).SetVoidResult();
        module.SetupVoid("dispose", _ => true).SetVoidResult();
        var data = new TrendComparison(
            ["2026年9月", "2026年10月"],
            [
                new TrendSeries("a", "县市政设施管理所", [new("2026年9月", 55m, Grade.D), new("2026年10月", 91m, Grade.A)]),
                new TrendSeries("b", "县环境卫生管理所", [new("2026年9月", null, null), new("2026年10月", 80m, Grade.B)]),
            ]);

        var cut = ctx.Render<TrendChart>(p => p.Add(x => x.Data, data));

        var drawn = JsonSerializer.SerializeToElement(module.VerifyInvoke("render").Arguments[1]);
        drawn.GetProperty("periods").EnumerateArray().Select(p => p.GetString()).ShouldBe(["2026年9月", "2026年10月"]);
        var first = drawn.GetProperty("series")[0];
        first.GetProperty("name").GetString().ShouldBe("县市政设施管理所");
        first.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("grade").GetString()).ShouldBe(["D", "A"]);
        drawn.GetProperty("series")[1].GetProperty("points")[0].GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Null);
        drawn.GetProperty("grades").EnumerateArray().Select(g => g.GetProperty("colour").GetString())
            .ShouldBe(Grades.All.Select(g => g.ColourHex));
        cut.Find("[data-testid=trend-chart]").GetAttribute("aria-label").ShouldBe("综合得分趋势");

        await ctx.DisposeComponentsAsync();
        module.VerifyInvoke("dispose");
    }
}

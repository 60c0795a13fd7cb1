using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Evaluation.Runs;
using CityMgmt.Infrastructure.Evaluation;
using CityMgmt.Infrastructure.Reports.Excel;
using CityMgmt.Infrastructure.Reports.Pdf;
using CityMgmt.Tests.Infrastructure.Reports;
using CityMgmt.Tests.Support;

namespace CityMgmt.Tests.Infrastructure.Evaluation;

/// <summary>The June run exported as a workbook (read back with openpyxl) and as the PDF (read back with pdftotext).</summary>
public class EvaluationExportTests
{
    private const string SheetsScript = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        print(json.dumps({ws.title: [[c.value for c in row] for row in ws.iter_rows(min_row=1, max_row=ws.max_row)] for ws in wb.worksheets}, default=str, ensure_ascii=False))
        """;

    [Fact]
    public async Task Excel_JuneRunForTheLeader_DepartmentSheetHoldsTheHandComputedScore()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var runId = await RunJuneAsync(services);
        var document = (await services.Get<EvaluationReportBuilder>().BuildAsync(await services.StaffAsync("ld"), runId)).Value;
        using var folder = new TempFolder();
        var file = folder.File("report.xlsx");
        await using (var stream = File.Create(file))
        {
            await ExcelReportWriter.WriteAsync(document, stream);
        }

        var sheets = ExternalTools.Openpyxl(file, SheetsScript);

        var department = sheets.GetProperty("专业部门排名");
        department[0][0].GetString()!.ShouldContain("月度数字化城市管理综合评价报告");
        department[1][0].GetString()!.ShouldContain("2025年6月");
        var header = department[2].EnumerateArray().Select(v => v.GetString()).ToList();
        header.ShouldBe(["排名", "名称", "同类组", "立案数", "结案率", "按期处置率", "返工率", "处置率", "综合得分", "等级"]);
        var row = department[3];
        (row[0].GetString(), row[1].GetString(), row[3].GetDouble(), Math.Round(row[4].GetDouble(), 4), row[8].GetDouble(), row[9].GetString())
            .ShouldBe(("样本不足", "县市政设施管理所", 3d, 0.3333, 60d, "C"));
        sheets.TryGetProperty("值班长排名", out var leaders).ShouldBeTrue();
        leaders.EnumerateArray().Skip(3).ShouldContain(r => r[1].GetString() == "王值班");
    }

    [Fact]
    public async Task Pdf_JuneRun_TextHasTheChineseTitlesTheNumbersAndPageFooters()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var runId = await RunJuneAsync(services);
        var document = (await services.Get<EvaluationReportBuilder>().BuildAsync(await services.StaffAsync("ld"), runId)).Value;
        using var folder = new TempFolder();
        var file = folder.File("report.pdf");
        await using (var stream = File.Create(file))
        {
            await services.Get<PdfReportRenderer>().RenderAsync(document, stream);
        }

        var pages = ExternalTools.PdfPages(file);
        var text = string.Join("\n", pages);

        pages[0].ShouldContain("月度数字化城市管理综合评价报告");
        pages[0].ShouldContain("2025年6月");
        text.ShouldContain("专业部门排名");
        text.ShouldContain("县市政设施管理所");
        text.ShouldContain("60.00");
        text.ShouldContain("33.33%");
        // pdftotext may drop the spaces around the numbers of "第 x 页 共 y 页".
        var count = ExternalTools.PdfPageCount(file);
        pages.Select(p => p.Replace(" ", string.Empty, StringComparison.Ordinal)).Last().ShouldContain($"第{count}页共{count}页");
        pages[0].Replace(" ", string.Empty, StringComparison.Ordinal).ShouldContain($"第1页共{count}页");
    }

    [Theory]
    [InlineData("jdy")]
    [InlineData("admin")]
    public async Task Build_NotLeaderOrShiftLeader_Refused(string user)
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var runId = await RunJuneAsync(services);

        var document = await services.Get<EvaluationReportBuilder>().BuildAsync(await services.StaffAsync(user), runId);

        document.IsFailure.ShouldBeTrue();
    }

    [Fact]
    public async Task Build_SubCentreShiftLeader_OnlyItsOwnAreaNoDepartmentsOrStaff()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var runId = await RunJuneAsync(services);

        var document = (await services.Get<EvaluationReportBuilder>().BuildAsync(await services.StaffAsync("qlzbz"), runId)).Value;

        var titles = document.Tables.Select(t => t.Title).ToList();
        titles.ShouldNotContain("专业部门排名");
        titles.ShouldNotContain("值班长排名");
        document.Tables.SelectMany(t => t.Rows).ShouldAllBe(r => !Equals(r.Values[1], "县市政设施管理所"));
    }

    private static async Task<Guid> RunJuneAsync(TestServices services)
    {
        await EvaluationFixture.SeedJuneAsync(services);
        return (await services.Get<EvaluationRunner>().RunAsync(EvaluationPeriod.Month(2025, 6), RunTrigger.Manual, "test")).Value.RunId;
    }
}

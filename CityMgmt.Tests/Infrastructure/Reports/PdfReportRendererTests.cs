using System.Globalization;
using CityMgmt.Infrastructure.Reports;
using CityMgmt.Infrastructure.Reports.Pdf;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace CityMgmt.Tests.Infrastructure.Reports;

/// <summary>The monthly sample (300-row table, line and bar charts) rendered once and read back with poppler.</summary>
public sealed class RenderedMonthlyPdf : IDisposable
{
    private readonly TempFolder folder = new();

    public RenderedMonthlyPdf()
    {
        Path = folder.File("monthly.pdf");
        var fonts = new ReportFontResolver(Options.Create(new ReportOptions()));
        using (var output = File.Create(Path))
        {
            new PdfReportRenderer(fonts).Render(ReportSamples.Monthly(), output);
        }

        Pages = ExternalTools.PdfPages(Path);
        PageCount = ExternalTools.PdfPageCount(Path);
    }

    public string Path { get; }

    public string[] Pages { get; }

    public int PageCount { get; }

    public void Dispose() => folder.Dispose();
}

public class PdfReportRendererTests(RenderedMonthlyPdf pdf) : IClassFixture<RenderedMonthlyPdf>
{
    [Fact]
    public void Render_MonthlyReport_CoverHasChineseTitlePeriodUnitAndDate()
    {
        var cover = pdf.Pages[0];

        cover.ShouldContain(ReportSamples.Title);
        cover.ShouldContain("2026年11月");
        cover.ShouldContain("编制单位：示范县数字化城市管理监督指挥中心");
        cover.ShouldContain("编制日期：2026年12月1日");
    }

    [Fact]
    public void Render_MonthlyReport_EveryPageHasItsFooterWithThePageCount()
    {
        pdf.PageCount.ShouldBeGreaterThan(8); // 300 rows do not fit on a few pages
        pdf.Pages.Length.ShouldBe(pdf.PageCount);
        pdf.Pages[0].ShouldContain($"第 1 页 共 {pdf.PageCount} 页");
        pdf.Pages[^1].ShouldContain($"第 {pdf.PageCount} 页 共 {pdf.PageCount} 页");
        for (var i = 0; i < pdf.PageCount; i++)
        {
            pdf.Pages[i].ShouldContain(PdfReportRenderer.PageLabel(i + 1, pdf.PageCount));
        }
    }

    [Fact]
    public void Render_TableAcrossPages_HeaderRepeatedOnEveryPageWithRows()
    {
        var rowPages = pdf.Pages.Where(p => Enumerable.Range(1, 300).Any(i => p.Contains(ReportSamples.Unit(i), StringComparison.Ordinal))).ToList();

        rowPages.Count.ShouldBeGreaterThan(5);
        foreach (var page in rowPages)
        {
            page.ShouldContain("单位名称");
            page.ShouldContain("按期结案率");
            page.ShouldContain("综合得分");
        }

        rowPages.Skip(1).ShouldAllBe(p => p.Contains(ReportSamples.TableTitle + "（续）"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(151)]
    [InlineData(299)]
    public void Render_TableRow_NumbersFormattedOnTheRowsLine(int i)
    {
        var line = pdf.Pages.SelectMany(p => p.Split('\n')).Single(l => l.Contains(ReportSamples.Unit(i), StringComparison.Ordinal));

        line.ShouldContain(ReportSamples.Score(i).ToString("F2", CultureInfo.InvariantCulture));
        line.ShouldContain(((i % 100) / 100.0 * 100).ToString("F1", CultureInfo.InvariantCulture) + "%");
        line.ShouldContain((100 + i).ToString(CultureInfo.InvariantCulture));
        line.ShouldContain("2026-11-30");
        line.TrimEnd().ShouldEndWith("2026-11-30"); // column order kept
    }

    [Fact]
    public void Render_MissingValue_ShownAsDash()
    {
        var line = pdf.Pages.SelectMany(p => p.Split('\n')).Single(l => l.Contains(ReportSamples.Unit(10), StringComparison.Ordinal));

        line.ShouldContain(ReportValues.Missing);
    }

    [Fact]
    public void Render_Charts_TitlesLegendAndChineseCategoryLabelsExtract()
    {
        var text = string.Join('\n', pdf.Pages);

        text.ShouldContain("近十二个月按期结案率趋势");
        text.ShouldContain("群众满意率");
        text.ShouldContain("12月");
        text.ShouldContain("各街道案件数");
        text.ShouldContain("西城街道");
    }

    [Fact]
    public void Render_GradeCells_PaintedInGradeColours()
    {
        var pageWithRows = Array.FindIndex(pdf.Pages, p => p.Contains(ReportSamples.Unit(1), StringComparison.Ordinal)) + 1;
        var prefix = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(pdf.Path)!, "page");
        ExternalTools.Run("pdftoppm", "-r", "40", "-png", "-f", $"{pageWithRows}", "-l", $"{pageWithRows}", "-singlefile", pdf.Path, prefix);
        using var bitmap = SKBitmap.Decode(prefix + ".png");

        var colours = new HashSet<ReportFill>();
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                foreach (var fill in new[] { ReportGrades.A, ReportGrades.B, ReportGrades.C, ReportGrades.D, ReportGrades.E })
                {
                    var c = fill.Background;
                    if (Math.Abs(pixel.Red - c.R) < 6 && Math.Abs(pixel.Green - c.G) < 6 && Math.Abs(pixel.Blue - c.B) < 6)
                    {
                        colours.Add(fill);
                    }
                }
            }
        }

        colours.ShouldBe([ReportGrades.A, ReportGrades.B, ReportGrades.C, ReportGrades.D, ReportGrades.E], ignoreOrder: true);
    }

    [Fact]
    public void Render_ConfiguredFontMissing_ThrowsClearChineseAndEnglishError()
    {
        var fonts = new ReportFontResolver(Options.Create(new ReportOptions { CjkFontPath = "/nonexistent/fonts/wqy.ttc" }));
        using var output = new MemoryStream();

        var error = Should.Throw<ReportFontNotFoundException>(() => new PdfReportRenderer(fonts).Render(ReportSamples.Monthly(3), output));

        error.Message.ShouldContain("未找到中文字体");
        error.Message.ShouldContain("安装 fonts-wqy-microhei");
        error.Message.ShouldContain("Reports:CjkFontPath");
        error.Message.ShouldContain("/nonexistent/fonts/wqy.ttc");
        error.Message.ShouldContain("CJK font not found");
        output.Length.ShouldBe(0);
    }

    [Fact]
    public void Render_CancelledToken_Throws()
    {
        var fonts = new ReportFontResolver(Options.Create(new ReportOptions()));
        using var output = new MemoryStream();

        Should.Throw<OperationCanceledException>(() =>
            new PdfReportRenderer(fonts).Render(ReportSamples.Monthly(50), output, cancellationToken: new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Render_Progress_ReportedUpTo100()
    {
        var fonts = new ReportFontResolver(Options.Create(new ReportOptions()));
        using var output = new MemoryStream();
        var reported = new List<int>();

        new PdfReportRenderer(fonts).Render(ReportSamples.Monthly(20), output, new SyncProgress<int>(reported.Add));

        reported.ShouldNotBeEmpty();
        reported.ShouldBeInOrder();
        reported[^1].ShouldBe(100);
    }
}

internal sealed class SyncProgress<T>(Action<T> action) : IProgress<T>
{
    public void Report(T value) => action(value);
}

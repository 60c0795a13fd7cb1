using CityMgmt.Infrastructure.Reports;
using CityMgmt.Infrastructure.Reports.Pdf;
using Microsoft.Extensions.Options;

namespace CityMgmt.Tests.Infrastructure.Reports;

public sealed class PdfTextTests : IDisposable
{
    private readonly ReportFontResolver fonts = new(Options.Create(new ReportOptions()));
    private readonly PdfText text;

    public PdfTextTests() => text = new PdfText(fonts.Typeface);

    [Fact]
    public void Wrap_LongChineseParagraph_LinesFitAndKeepEveryCharacter()
    {
        const string Paragraph = "本月共受理案件12,345件，立案11,800件，按期结案率95.3%。各专业部门的综合评价结果见下表，等级按综合得分划分为A、B、C、D、E五档（详见附表）。";

        var lines = text.Wrap(Paragraph, 10, 120);

        lines.Count.ShouldBeGreaterThan(3);
        lines.ShouldAllBe(l => text.Measure(l, 10) <= 120.5f);
        string.Concat(lines).ShouldBe(Paragraph);
    }

    [Fact]
    public void Wrap_Punctuation_NeverStartsALineAndOpeningBracketNeverEndsOne()
    {
        var paragraph = string.Concat(Enumerable.Repeat("城市管理，（部件）。", 30));

        var lines = text.Wrap(paragraph, 10, 97);

        lines.Skip(1).ShouldAllBe(l => !"，。）".Contains(l[0], StringComparison.Ordinal));
        lines.ShouldAllBe(l => !l.EndsWith('（'));
        string.Concat(lines).ShouldBe(paragraph);
    }

    [Fact]
    public void Wrap_LatinWords_KeptWholeAndNewlinesRespected()
    {
        var lines = text.Wrap("请配置 Reports:CjkFontPath 后重试\n第二行", 10, 120);

        lines.ShouldContain(l => l.Contains("Reports:CjkFontPath"));
        lines[^1].ShouldBe("第二行");
    }

    public void Dispose()
    {
        text.Dispose();
    }
}

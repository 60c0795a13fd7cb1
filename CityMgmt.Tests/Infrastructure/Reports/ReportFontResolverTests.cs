using CityMgmt.Infrastructure.Reports;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace CityMgmt.Tests.Infrastructure.Reports;

public class ReportFontResolverTests
{
    [Fact]
    public void Typeface_NothingConfigured_FindsInstalledWqyMicroHei()
    {
        var fonts = new ReportFontResolver(Options.Create(new ReportOptions()));

        fonts.FontPath.ShouldEndWith("wqy-microhei.ttc");
        using var font = new SKFont(fonts.Typeface);
        font.GetGlyph('中').ShouldNotBe((ushort)0);
    }

    [Fact]
    public void Typeface_ConfiguredPath_Used()
    {
        const string Path = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
        var fonts = new ReportFontResolver(Options.Create(new ReportOptions { CjkFontPath = Path }));

        fonts.FontPath.ShouldBe(Path);
    }

    [Fact]
    public void Typeface_ConfiguredFileIsNoFont_ClearError()
    {
        using var folder = new TempFolder();
        var notAFont = folder.File("font.ttf");
        File.WriteAllText(notAFont, "not a font");
        var fonts = new ReportFontResolver(Options.Create(new ReportOptions { CjkFontPath = notAFont }));

        var error = Should.Throw<ReportFontNotFoundException>(() => fonts.Typeface);

        error.Message.ShouldContain("不含中文字形或无法读取");
        error.Message.ShouldContain("fonts-wqy-microhei");
    }
}

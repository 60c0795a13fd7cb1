using System.Globalization;
using SkiaSharp;

namespace CityMgmt.Infrastructure.Reports.Pdf;

/// <summary>The cover page: title, period, unit, author and the date it was made (China time).</summary>
internal static class PdfCover
{
    private const float TitleSize = 24;
    private const float PeriodSize = 16;
    private const float InfoSize = 12;

    public static void Layout(PdfLayout layout, ReportDocument document)
    {
        layout.NewPage(cover: true);
        var text = layout.Text;
        var center = PdfLayout.PageWidth / 2;
        var y = 250f;
        foreach (var line in text.Wrap(document.Title, TitleSize, PdfLayout.ContentWidth - 40))
        {
            layout.DrawText(line, center, y, TitleSize, PdfLayout.Accent, SKTextAlign.Center);
            y += TitleSize * 1.6f;
        }

        layout.DrawLine(PdfLayout.Left + 60, y, PdfLayout.Right - 60, y, PdfLayout.Accent, 1.2f);
        y += PeriodSize * 2.5f;
        if (document.Period is { Length: > 0 } period)
        {
            layout.DrawText(period, center, y, PeriodSize, PdfLayout.Ink, SKTextAlign.Center);
        }

        var generated = ReportValues.ToChinaTime(document.GeneratedAt);
        var info = new List<string>();
        if (document.Unit is { Length: > 0 } unit)
        {
            info.Add("编制单位：" + unit);
        }

        if (document.Author is { Length: > 0 } author)
        {
            info.Add("编 制 人：" + author);
        }

        info.Add("编制日期：" + generated.ToString("yyyy年M月d日", CultureInfo.InvariantCulture));
        y = 600;
        foreach (var line in info)
        {
            layout.DrawText(line, center, y, InfoSize, PdfLayout.Ink, SKTextAlign.Center);
            y += InfoSize * 2;
        }
    }
}

using ScottPlot;
using SkiaSharp;

namespace CityMgmt.Infrastructure.Reports.Pdf;

/// <summary>
/// Draws a <see cref="ReportChart"/> with ScottPlot straight into the page canvas (vector output, no bitmap).
/// ScottPlot finds fonts through its global resolver list: one resolver per CJK font file is registered,
/// under a name only our plots ask for.
/// </summary>
internal static class PdfCharts
{
    public const float CaptionSize = 11;
    public const float CaptionHeight = CaptionSize * 2;

    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Registered = [];

    public static void Layout(PdfLayout layout, ReportChart chart, string fontPath)
    {
        var fontName = RegisterFont(fontPath, layout.Text.Typeface);
        layout.EnsureSpace(CaptionHeight + chart.Height);
        layout.DrawText(chart.Title, PdfLayout.Left, layout.Y + layout.Text.Ascent(CaptionSize) + 4, CaptionSize, PdfLayout.Accent);
        layout.Y += CaptionHeight;
        var rect = new SKRect(PdfLayout.Left, layout.Y, PdfLayout.Right, layout.Y + chart.Height);
        layout.Draw(canvas => Render(canvas, chart, rect, fontName));
        layout.Y += chart.Height + 14;
    }

    private static void Render(SKCanvas canvas, ReportChart chart, SKRect rect, string fontName)
    {
        var plot = new Plot();
        var positions = Enumerable.Range(0, chart.Categories.Count).Select(i => (double)i).ToArray();
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var color = plot.Add.Palette.GetColor(s);
            if (chart.Kind == ReportChartKind.Bar)
            {
                AddBars(plot, series, s, chart.Series.Count, color);
            }
            else
            {
                var points = series.Values.Select((v, i) => (X: (double)i, Y: v)).Where(p => p.Y is not null).ToArray();
                var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y!.Value).ToArray(), color);
                line.LegendText = series.Name;
                line.LineWidth = 1.5f;
                line.MarkerSize = 4;
            }
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, chart.Categories.ToArray());
        plot.Axes.SetLimitsX(-0.5, Math.Max(0.5, chart.Categories.Count - 0.5));
        if (chart.Kind == ReportChartKind.Bar)
        {
            plot.Axes.Margins(bottom: 0);
        }

        if (chart.YAxisLabel is { } label)
        {
            plot.YLabel(label);
        }

        plot.Font.Set(fontName);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 8;
        plot.Axes.Left.TickLabelStyle.FontSize = 8;
        plot.Axes.Left.Label.FontSize = 9;
        plot.Legend.FontName = fontName;
        plot.Legend.FontSize = 8;
        plot.ShowLegend(Edge.Bottom); // below the axes: inside, it covers the data

        // The clip keeps whatever ScottPlot paints (figure background included) inside the chart rectangle.
        canvas.Save();
        canvas.ClipRect(rect);
        plot.Render(canvas, new PixelRect(rect.Left, rect.Right, rect.Bottom, rect.Top));
        canvas.Restore();
    }

    private static void AddBars(Plot plot, ReportSeries series, int index, int count, Color color)
    {
        const double GroupWidth = 0.8;
        var size = GroupWidth / count;
        var bars = series.Values
            .Select((v, i) => (v, i))
            .Where(p => p.v is not null)
            .Select(p => new Bar
            {
                Position = p.i - (GroupWidth / 2) + (size * (index + 0.5)),
                Value = p.v!.Value,
                Size = size * 0.9,
                FillColor = color,
                LineWidth = 0,
            })
            .ToList();
        var plottable = plot.Add.Bars(bars);
        plottable.LegendText = series.Name;
    }

    private static string RegisterFont(string fontPath, SKTypeface typeface)
    {
        var name = "CityMgmt CJK " + fontPath;
        lock (Gate)
        {
            if (Registered.Add(fontPath))
            {
                Fonts.FontResolvers.Insert(0, new CjkFontResolver(name, typeface));
            }
        }

        return name;
    }

    /// <summary>
    /// Returns the process-wide typeface of <see cref="ReportFontResolver"/> (never disposed), so the PDF
    /// embeds the font once for text and charts.
    /// </summary>
    private sealed class CjkFontResolver(string name, SKTypeface typeface) : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => fontName == name ? typeface : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
            fontName == name ? typeface : null;
    }
}

using System.Globalization;
using SkiaSharp;

namespace CityMgmt.Infrastructure.Reports.Pdf;

/// <summary>
/// Renders a <see cref="ReportDocument"/> to an A4 PDF: a cover page, sections with paragraphs, tables
/// (repeated headers across pages) and charts, and "第 x 页 共 y 页" on every page. The document is laid out
/// first, then drawn, so the page count is known when the footers are written.
/// </summary>
public sealed class PdfReportRenderer(ReportFontResolver fonts)
{
    private const float HeadingSize = 14;
    private const float BodySize = 10.5f;

    /// <summary>Writes the PDF to <paramref name="output"/>; progress is reported in percent.</summary>
    /// <exception cref="ReportFontNotFoundException">No Chinese font is installed or configured.</exception>
    public void Render(ReportDocument document, Stream output, IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
        Render(document, output, progress, null, cancellationToken);

    /// <summary>Renders on a worker thread (drawing is CPU work), reporting pages written of the laid-out count.</summary>
    public Task RenderPagesAsync(ReportDocument document, Stream output, IProgress<PdfPages> pages, CancellationToken cancellationToken = default) =>
        Task.Run(() => Render(document, output, null, pages, cancellationToken), cancellationToken);

    /// <summary>Renders on a worker thread; drawing is CPU work.</summary>
    public Task RenderAsync(ReportDocument document, Stream output, IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Render(document, output, progress, null, cancellationToken), cancellationToken);

    private void Render(ReportDocument document, Stream output, IProgress<int>? progress, IProgress<PdfPages>? pages, CancellationToken cancellationToken)
    {
        var typeface = fonts.Typeface;
        var fontPath = fonts.FontPath;
        using var text = new PdfText(typeface);
        using var layout = new PdfLayout(text);

        PdfCover.Layout(layout, document);
        layout.NewPage();
        foreach (var section in document.Sections)
        {
            cancellationToken.ThrowIfCancellationRequested();
            LayoutSection(layout, section, fontPath);
        }

        progress?.Report(10);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = document.Title,
            Subject = document.Period ?? string.Empty,
            Author = document.Author ?? document.Unit ?? string.Empty,
            Creator = "CityMgmt 数字城管",
            Producer = "CityMgmt",
            Creation = document.GeneratedAt.UtcDateTime,
            Modified = document.GeneratedAt.UtcDateTime,
        };
        using var pdf = SKDocument.CreatePdf(output, metadata);
        var count = layout.Pages.Count;
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = layout.Pages[i];
            var canvas = pdf.BeginPage(PdfLayout.PageWidth, PdfLayout.PageHeight);
            foreach (var op in page.Ops)
            {
                op(canvas);
            }

            if (!page.IsCover)
            {
                RunningHeader(canvas, text, document);
            }

            Footer(canvas, text, i + 1, count);
            pdf.EndPage();
            progress?.Report(10 + (90 * (i + 1) / count));
            pages?.Report(new PdfPages(i + 1, count));
        }

        pdf.Close();
    }

    /// <summary>The footer text of a page, as it appears in the PDF.</summary>
    public static string PageLabel(int page, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"第 {page} 页 共 {count} 页");

    private static void LayoutSection(PdfLayout layout, ReportSection section, string fontPath)
    {
        if (!string.IsNullOrWhiteSpace(section.Heading))
        {
            // Keep a heading with at least a few lines of what follows.
            layout.EnsureSpace((HeadingSize * 2.4f) + (BodySize * 5));
            var top = layout.Y + 6;
            layout.FillRect(new SKRect(PdfLayout.Left, top, PdfLayout.Left + 4, top + HeadingSize + 4), PdfLayout.Accent);
            layout.DrawText(section.Heading, PdfLayout.Left + 10, top + layout.Text.Ascent(HeadingSize) + 1, HeadingSize, PdfLayout.Accent);
            layout.Y += HeadingSize * 2.4f;
        }

        foreach (var block in section.Blocks)
        {
            switch (block)
            {
                case ReportParagraph paragraph:
                    layout.Paragraph(paragraph.Text, BodySize, PdfLayout.Ink);
                    layout.Y += BodySize * 0.6f;
                    break;
                case ReportTable table:
                    PdfTables.Layout(layout, table);
                    break;
                case ReportChart chart:
                    PdfCharts.Layout(layout, chart, fontPath);
                    break;
                default:
                    throw new NotSupportedException($"Unknown report block {block.GetType().Name}.");
            }
        }
    }

    private static void RunningHeader(SKCanvas canvas, PdfText text, ReportDocument document)
    {
        const float Size = 8;
        const float Baseline = PdfLayout.Top - 22;
        text.Draw(canvas, document.Title, PdfLayout.Left, Baseline, Size, PdfLayout.Muted);
        if (document.Period is { Length: > 0 } period)
        {
            text.Draw(canvas, period, PdfLayout.Right, Baseline, Size, PdfLayout.Muted, SKTextAlign.Right);
        }

        using var rule = new SKPaint { Color = PdfLayout.Rule, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(PdfLayout.Left, Baseline + 6, PdfLayout.Right, Baseline + 6, rule);
    }

    private static void Footer(SKCanvas canvas, PdfText text, int page, int count) =>
        text.Draw(canvas, PageLabel(page, count), PdfLayout.PageWidth / 2, PdfLayout.Bottom + 32, 9, PdfLayout.Muted, SKTextAlign.Center);
}

/// <summary>Pages written so far of the pages the report has (after layout).</summary>
public readonly record struct PdfPages(int Written, int Count);

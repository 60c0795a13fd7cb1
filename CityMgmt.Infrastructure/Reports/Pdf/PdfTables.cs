using SkiaSharp;

namespace CityMgmt.Infrastructure.Reports.Pdf;

/// <summary>
/// Lays out a <see cref="ReportTable"/>: columns sized from the content, cells wrapped, numbers right-aligned,
/// grade fills, and at every page break the caption ("（续）") and header row are repeated.
/// </summary>
internal static class PdfTables
{
    private const float FontSize = 8.5f;
    private const float LineHeight = FontSize * 1.35f;
    private const float PadX = 4;
    private const float PadY = 3.5f;
    private const float CaptionSize = 11;
    private const float CaptionHeight = CaptionSize * 2;
    private const int WidthSampleRows = 500;

    private static readonly SKColor HeaderFill = new(0xDC, 0xE6, 0xF1);
    private static readonly SKColor Stripe = new(0xF6, 0xF8, 0xFB);

    public static void Layout(PdfLayout layout, ReportTable table)
    {
        var text = layout.Text;
        var widths = ColumnWidths(text, table, PdfLayout.ContentWidth);
        var header = table.Columns.Select((c, i) => text.Wrap(c.Header, FontSize, widths[i] - (2 * PadX))).ToList();
        var headerHeight = (header.Max(l => l.Count) * LineHeight) + (2 * PadY);

        var first = table.Rows.Count > 0 ? Cells(text, table, table.Rows[0], widths) : null;
        layout.EnsureSpace(CaptionHeight + headerHeight + (first is null ? 0 : RowHeight(first)));
        Caption(layout, table.Title, continued: false);
        Header(layout, table, header, widths, headerHeight);

        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var cells = r == 0 ? first! : Cells(text, table, row, widths);
            var height = RowHeight(cells);
            if (!layout.Fits(height))
            {
                layout.NewPage();
                Caption(layout, table.Title, continued: true);
                Header(layout, table, header, widths, headerHeight);
            }

            DrawRow(layout, table, row, cells, widths, height, striped: r % 2 == 1);
            layout.Y += height;
        }

        layout.Y += 14;
    }

    private static void Caption(PdfLayout layout, string title, bool continued)
    {
        var caption = continued ? title + "（续）" : title;
        layout.DrawText(caption, PdfLayout.Left, layout.Y + layout.Text.Ascent(CaptionSize) + 4, CaptionSize, PdfLayout.Accent);
        layout.Y += CaptionHeight;
    }

    private static void Header(PdfLayout layout, ReportTable table, List<List<string>> header, float[] widths, float height)
    {
        var x = PdfLayout.Left;
        var top = layout.Y;
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var rect = new SKRect(x, top, x + widths[i], top + height);
            layout.FillRect(rect, HeaderFill);
            DrawLines(layout, header[i], rect, SKTextAlign.Center, PdfLayout.Ink);
            layout.StrokeRect(rect, PdfLayout.Rule);
            x += widths[i];
        }

        layout.Y += height;
    }

    private static void DrawRow(PdfLayout layout, ReportTable table, ReportRow row, List<string>[] cells, float[] widths, float height, bool striped)
    {
        var x = PdfLayout.Left;
        var top = layout.Y;
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            var rect = new SKRect(x, top, x + widths[i], top + height);
            var fill = row.FillAt(i, column);
            if (fill is not null)
            {
                layout.FillRect(rect, ToSk(fill.Background));
            }
            else if (striped)
            {
                layout.FillRect(rect, Stripe);
            }

            var value = i < row.Values.Count ? row.Values[i] : null;
            var align = value is null || column.Kind == ReportColumnKind.Date || fill is not null ? SKTextAlign.Center
                : column.IsNumeric ? SKTextAlign.Right : SKTextAlign.Left;
            DrawLines(layout, cells[i], rect, align, fill is null ? PdfLayout.Ink : ToSk(fill.Text));
            layout.StrokeRect(rect, PdfLayout.Rule);
            x += widths[i];
        }
    }

    private static void DrawLines(PdfLayout layout, List<string> lines, SKRect rect, SKTextAlign align, SKColor color)
    {
        var text = layout.Text;
        var top = rect.Top + ((rect.Height - (lines.Count * LineHeight)) / 2);
        var x = align switch
        {
            SKTextAlign.Right => rect.Right - PadX,
            SKTextAlign.Center => rect.MidX,
            _ => rect.Left + PadX,
        };
        for (var k = 0; k < lines.Count; k++)
        {
            var baseline = top + (k * LineHeight) + text.Ascent(FontSize) + ((LineHeight - FontSize) / 2);
            layout.DrawText(lines[k], x, baseline, FontSize, color, align);
        }
    }

    private static List<string>[] Cells(PdfText text, ReportTable table, ReportRow row, float[] widths)
    {
        var cells = new List<string>[table.Columns.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            var value = i < row.Values.Count ? row.Values[i] : null;
            cells[i] = text.Wrap(ReportValues.Format(value, table.Columns[i]), FontSize, widths[i] - (2 * PadX));
        }

        return cells;
    }

    private static float RowHeight(List<string>[] cells) => (cells.Max(c => Math.Max(1, c.Count)) * LineHeight) + (2 * PadY);

    /// <summary>
    /// Natural widths from the header and a sample of rows; spare room is shared out, and when too wide the
    /// text columns give way first (their cells wrap) while numbers and dates keep their width.
    /// </summary>
    private static float[] ColumnWidths(PdfText text, ReportTable table, float available)
    {
        var columns = table.Columns;
        var natural = new float[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var widest = text.Measure(columns[i].Header, FontSize);
            foreach (var row in table.Rows.Take(WidthSampleRows))
            {
                var value = i < row.Values.Count ? row.Values[i] : null;
                widest = Math.Max(widest, text.Measure(ReportValues.Format(value, columns[i]), FontSize));
            }

            natural[i] = widest + (2 * PadX) + 2;
        }

        var total = natural.Sum();
        var textTotal = natural.Where((_, i) => columns[i].Kind == ReportColumnKind.Text).Sum();
        var room = available - (total - textTotal);
        if (total > available && textTotal > 0 && room >= textTotal * 0.25f)
        {
            return natural.Select((w, i) => columns[i].Kind == ReportColumnKind.Text ? w * room / textTotal : w).ToArray();
        }

        return natural.Select(w => w * available / total).ToArray();
    }

    private static SKColor ToSk(ReportColor color) => new(color.R, color.G, color.B);
}

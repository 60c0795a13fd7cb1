using System.Globalization;
using ClosedXML.Excel;

namespace CityMgmt.Infrastructure.Reports.Excel;

/// <summary>
/// Styled workbook with ClosedXML: one sheet per table with a title row, a period row and a frozen header row,
/// number formats per column kind, grade fills, column widths computed here (ClosedXML's AdjustToContents
/// needs libgdiplus) and a print setup that repeats the header. For large lists use <see cref="ExcelStreamWriter"/>.
/// </summary>
public static class ExcelReportWriter
{
    /// <summary>Rows 1–3 are title, period and header; data starts on row 4 and the panes freeze at A4.</summary>
    public const int HeaderRow = 3;

    private const int WidthSampleRows = 2000;
    private static readonly XLColor HeaderFill = XLColor.FromArgb(0xDC, 0xE6, 0xF1);
    private static readonly XLColor Rule = XLColor.FromArgb(0x9A, 0xA5, 0xB1);

    /// <summary>Writes the workbook; paragraphs and charts are PDF-only. A document without tables gets one title sheet.</summary>
    public static void Write(ReportDocument document, Stream output, CancellationToken cancellationToken = default)
    {
        using var workbook = new XLWorkbook();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in document.Tables)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AddSheet(workbook, SheetName(table.Title, names), document, table);
        }

        if (workbook.Worksheets.Count == 0)
        {
            var sheet = workbook.AddWorksheet(SheetName(document.Title, names));
            TitleRows(sheet, document, document.Title, 1);
        }

        workbook.SaveAs(output);
    }

    public static Task WriteAsync(ReportDocument document, Stream output, CancellationToken cancellationToken = default) =>
        Task.Run(() => Write(document, output, cancellationToken), cancellationToken);

    private static void AddSheet(XLWorkbook workbook, string name, ReportDocument document, ReportTable table)
    {
        var sheet = workbook.AddWorksheet(name);
        var columns = table.Columns;
        TitleRows(sheet, document, table.Title, columns.Count);

        for (var c = 0; c < columns.Count; c++)
        {
            var cell = sheet.Cell(HeaderRow, c + 1);
            cell.Value = columns[c].Header;
        }

        var header = sheet.Range(HeaderRow, 1, HeaderRow, columns.Count).Style;
        header.Font.Bold = true;
        header.Fill.BackgroundColor = HeaderFill;
        header.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        header.Alignment.WrapText = true;

        for (var r = 0; r < table.Rows.Count; r++)
        {
            WriteRow(sheet, HeaderRow + 1 + r, columns, table.Rows[r]);
        }

        var lastRow = HeaderRow + Math.Max(1, table.Rows.Count);
        for (var c = 0; c < columns.Count; c++)
        {
            var range = sheet.Range(HeaderRow + 1, c + 1, lastRow, c + 1);
            range.Style.NumberFormat.Format = ReportValues.ExcelFormat(columns[c]);
            if (columns[c].Kind != ReportColumnKind.Text)
            {
                range.Style.Alignment.Horizontal = columns[c].Kind == ReportColumnKind.Date
                    ? XLAlignmentHorizontalValues.Center : XLAlignmentHorizontalValues.Right;
            }
        }

        var body = sheet.Range(HeaderRow, 1, lastRow, columns.Count).Style.Border;
        body.InsideBorder = XLBorderStyleValues.Thin;
        body.OutsideBorder = XLBorderStyleValues.Thin;
        body.InsideBorderColor = Rule;
        body.OutsideBorderColor = Rule;

        var totalWidth = SetWidths(sheet, table);
        sheet.SheetView.FreezeRows(HeaderRow);
        var print = sheet.PageSetup;
        print.PaperSize = XLPaperSize.A4Paper;
        print.PageOrientation = totalWidth > 95 ? XLPageOrientation.Landscape : XLPageOrientation.Portrait;
        print.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);
        print.FitToPages(1, 0);
        print.CenterHorizontally = true;
    }

    private static void TitleRows(IXLWorksheet sheet, ReportDocument document, string title, int width)
    {
        var titleCell = sheet.Cell(1, 1);
        titleCell.Value = title == document.Title ? title : $"{document.Title} — {title}";
        titleCell.Style.Font.Bold = true;
        titleCell.Style.Font.FontSize = 16;
        sheet.Row(1).Height = 26;

        var period = new List<string>();
        if (document.Period is { Length: > 0 } p)
        {
            period.Add("统计周期：" + p);
        }

        if (document.Unit is { Length: > 0 } unit)
        {
            period.Add("编制单位：" + unit);
        }

        period.Add("生成时间：" + ReportValues.ToChinaTime(document.GeneratedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        var periodCell = sheet.Cell(2, 1);
        periodCell.Value = string.Join("    ", period);
        periodCell.Style.Font.FontColor = XLColor.FromArgb(0x66, 0x6E, 0x78);
        if (width > 1)
        {
            sheet.Range(1, 1, 1, width).Merge();
            sheet.Range(2, 1, 2, width).Merge();
        }
    }

    private static void WriteRow(IXLWorksheet sheet, int rowNumber, IReadOnlyList<ReportColumn> columns, ReportRow row)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            var value = c < row.Values.Count ? row.Values[c] : null;
            var cell = sheet.Cell(rowNumber, c + 1);
            switch (ReportValues.ToExcel(value))
            {
                case null:
                    cell.Value = ReportValues.Missing;
                    cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
                    break;
                case string s:
                    // SetValue keeps strings such as "001" or "=x" as text instead of guessing a type.
                    cell.SetValue(s);
                    break;
                case var other:
                    cell.Value = other;
                    break;
            }

            if (row.FillAt(c, columns[c]) is { } fill)
            {
                cell.Style.Fill.BackgroundColor = XLColor.FromArgb(fill.Background.R, fill.Background.G, fill.Background.B);
                cell.Style.Font.FontColor = XLColor.FromArgb(fill.Text.R, fill.Text.G, fill.Text.B);
                cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            }
        }
    }

    /// <summary>Sets each column's width from its header and a sample of rows; returns the total in characters.</summary>
    private static double SetWidths(IXLWorksheet sheet, ReportTable table)
    {
        var total = 0.0;
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            var samples = table.Rows.Take(WidthSampleRows)
                .Select(r => ReportValues.Format(c < r.Values.Count ? r.Values[c] : null, column));
            var width = ReportValues.ExcelWidth(column, samples);
            sheet.Column(c + 1).Width = width;
            total += width;
        }

        return total;
    }

    /// <summary>Excel sheet names: at most 31 characters, none of []:*?/\, unique in the workbook.</summary>
    internal static string SheetName(string title, HashSet<string> taken)
    {
        var cleaned = new string(title.Select(ch => "[]:*?/\\".Contains(ch, StringComparison.Ordinal) ? '_' : ch).ToArray()).Trim('\'', ' ');
        if (cleaned.Length == 0)
        {
            cleaned = "报表";
        }

        var name = cleaned.Length > 31 ? cleaned[..31] : cleaned;
        for (var n = 2; !taken.Add(name); n++)
        {
            var suffix = $"({n})";
            name = (cleaned.Length + suffix.Length > 31 ? cleaned[..(31 - suffix.Length)] : cleaned) + suffix;
        }

        return name;
    }
}

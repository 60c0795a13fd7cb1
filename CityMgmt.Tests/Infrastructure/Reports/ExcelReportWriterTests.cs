using System.Text.Json;
using CityMgmt.Infrastructure.Reports;
using CityMgmt.Infrastructure.Reports.Excel;

namespace CityMgmt.Tests.Infrastructure.Reports;

public class ExcelReportWriterTests
{
    /// <summary>Dumps the first sheets' layout and the first 13 rows (title, period, header, ten data rows).</summary>
    private const string DumpScript = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        def rgb(color):
            return color.rgb if color is not None and isinstance(color.rgb, str) else None
        sheets = []
        for ws in wb.worksheets:
            rows = []
            for row in ws.iter_rows(min_row=1, max_row=13):
                rows.append([{"v": c.value, "fmt": c.number_format,
                              "fill": rgb(c.fill.fgColor) if c.fill.fill_type == "solid" else None,
                              "font": rgb(c.font.color) if c.font is not None else None} for c in row])
            sheets.append({"name": ws.title, "freeze": ws.freeze_panes, "maxRow": ws.max_row,
                           "widths": {k: v.width for k, v in ws.column_dimensions.items()},
                           "printTitles": ws.print_title_rows, "orientation": ws.page_setup.orientation,
                           "merged": [str(r) for r in ws.merged_cells.ranges], "rows": rows})
        print(json.dumps(sheets, default=str, ensure_ascii=False))
        """;

    [Fact]
    public void Write_MonthlyReport_TitlePeriodHeaderAndValuesReadBack()
    {
        var sheet = WriteAndRead(ReportSamples.Monthly())[0];

        sheet.GetProperty("name").GetString().ShouldBe(ReportSamples.TableTitle);
        sheet.GetProperty("maxRow").GetInt32().ShouldBe(303);
        Value(sheet, "A1").ShouldBe($"{ReportSamples.Title} — {ReportSamples.TableTitle}");
        Value(sheet, "A2").ShouldContain("统计周期：2026年11月");
        Value(sheet, "A2").ShouldContain("生成时间：2026-12-01 10:30");
        Enumerable.Range(0, 7).Select(c => Cell(sheet, 3, c).GetProperty("v").GetString())
            .ShouldBe(ReportSamples.Columns.Select(c => c.Header));
        (Number(sheet, "A4"), Value(sheet, "B4"), Number(sheet, "C4"), Number(sheet, "D4"), Number(sheet, "E4"), Value(sheet, "F4"))
            .ShouldBe((1, "专业部门001", 101, 0.01, ReportSamples.Score(1), "E"));
        Value(sheet, "G4").ShouldBe("2026-11-30 00:00:00");
        Value(sheet, "D13").ShouldBe(ReportValues.Missing);
    }

    [Fact]
    public void Write_MonthlyReport_NumberFormatsPerColumnKind()
    {
        var sheet = WriteAndRead(ReportSamples.Monthly())[0];

        string Format(string cell) => Cell(sheet, cell).GetProperty("fmt").GetString()!;
        (Format("A5"), Format("C5"), Format("D5"), Format("E5"), Format("G5")).ShouldBe(("0", "0", "0.0%", "0.00", "yyyy-mm-dd"));
        Format("B5").ShouldBe("@");
    }

    [Theory]
    [InlineData("F12", "FF2E7D32", "FFFFFFFF")] // row 9: 93.3 → A green, white text
    [InlineData("F9", "FF1565C0", "FFFFFFFF")] // row 6: 82.2 → B blue
    [InlineData("F6", "FFFBC02D", "FF212121")] // row 3: 71.1 → C yellow, dark text
    [InlineData("F5", "FFC62828", "FFFFFFFF")] // row 2: 67.4 → D red
    [InlineData("F4", "FF212121", "FFFFFFFF")] // row 1: 63.7 → E black
    public void Write_GradeCells_FilledWithGradeColours(string cell, string fill, string font)
    {
        var sheet = WriteAndRead(ReportSamples.Monthly(12))[0];

        Cell(sheet, cell).GetProperty("fill").GetString().ShouldBe(fill);
        Cell(sheet, cell).GetProperty("font").GetString().ShouldBe(font);
        Cell(sheet, "E" + cell[1..]).GetProperty("fill").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void Write_MonthlyReport_HeaderFrozenAndRepeatedWhenPrinting()
    {
        var sheet = WriteAndRead(ReportSamples.Monthly())[0];

        sheet.GetProperty("freeze").GetString().ShouldBe("A4");
        sheet.GetProperty("printTitles").GetString()!.Replace("$", string.Empty, StringComparison.Ordinal).ShouldBe("3:3");
        sheet.GetProperty("orientation").GetString().ShouldBe("portrait");
        sheet.GetProperty("merged").EnumerateArray().Select(m => m.GetString()).ShouldBe(["A1:G1", "A2:G2"], ignoreOrder: true);
    }

    [Fact]
    public void Write_ChineseColumns_WidthsComputedWiderThanDefault()
    {
        var widths = WriteAndRead(ReportSamples.Monthly())[0].GetProperty("widths");

        // "专业部门001": 4 CJK × 2 + 3 × 1.1 + padding.
        widths.GetProperty("B").GetDouble().ShouldBeGreaterThanOrEqualTo(13);
        // "按期结案率": 5 CJK × 2 + padding.
        widths.GetProperty("D").GetDouble().ShouldBeGreaterThanOrEqualTo(12);
        widths.GetProperty("F").GetDouble().ShouldBeLessThan(widths.GetProperty("B").GetDouble());
    }

    [Fact]
    public void Write_WideTableAndSameTitles_LandscapeAndUniqueSheetNames()
    {
        var columns = Enumerable.Range(1, 14).Select(i => ReportColumn.Number($"考核指标名称{i:00}")).ToArray();
        var wide = new ReportTable("指标明细:全部/区域", columns, [new ReportRow(columns.Select(_ => (object?)1.5).ToArray())]);
        var document = ReportSamples.Monthly(3) with { Sections = [new ReportSection("", [wide, wide])] };

        var sheets = WriteAndRead(document);

        sheets.Select(s => s.GetProperty("name").GetString()).ShouldBe(["指标明细_全部_区域", "指标明细_全部_区域(2)"]);
        sheets[0].GetProperty("orientation").GetString().ShouldBe("landscape");
    }

    private static JsonElement[] WriteAndRead(ReportDocument document)
    {
        using var folder = new TempFolder();
        var path = folder.File("report.xlsx");
        using (var output = File.Create(path))
        {
            ExcelReportWriter.Write(document, output);
        }

        return ExternalTools.Openpyxl(path, DumpScript).EnumerateArray().ToArray();
    }

    private static JsonElement Cell(JsonElement sheet, int row, int column) => sheet.GetProperty("rows")[row - 1][column];

    private static JsonElement Cell(JsonElement sheet, string reference) => Cell(sheet, int.Parse(reference[1..], System.Globalization.CultureInfo.InvariantCulture), reference[0] - 'A');

    private static string Value(JsonElement sheet, string reference) => Cell(sheet, reference).GetProperty("v").ToString();

    private static double Number(JsonElement sheet, string reference) => Cell(sheet, reference).GetProperty("v").GetDouble();
}

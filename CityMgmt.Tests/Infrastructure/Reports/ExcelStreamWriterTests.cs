using System.Runtime.CompilerServices;
using System.Text.Json;
using CityMgmt.Infrastructure.Reports;
using CityMgmt.Infrastructure.Reports.Excel;

namespace CityMgmt.Tests.Infrastructure.Reports;

public class ExcelStreamWriterTests
{
    private static readonly ReportColumn[] Columns =
    [
        ReportColumn.Text("案件编号"),
        ReportColumn.Text("问题大类"),
        ReportColumn.Text("所属街道"),
        ReportColumn.Date("上报日期"),
        ReportColumn.Number("处置时长（小时）", 1),
        ReportColumn.Percent("满意度"),
        ReportColumn.WholeNumber("处置次数"),
        ReportColumn.Text("是否超期"),
    ];

    private static readonly string[] Streets = ["城关街道", "东城街道", "西城街道", "南湖镇"];

    [Fact]
    public async Task WriteAsync_100000RowsFromAsyncSource_AllRowsReadBackWithHeader()
    {
        using var folder = new TempFolder();
        var path = folder.File("cases.xlsx");
        long lastProgress = 0;

        long written;
        await using (var output = File.Create(path))
        {
            written = await ExcelStreamWriter.WriteAsync(output, Columns, Cases(100_000), "案件清单", new SyncProgress<long>(n => lastProgress = n));
        }

        written.ShouldBe(100_000);
        lastProgress.ShouldBe(100_000);
        var read = ExternalTools.Openpyxl(path, """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
            ws = wb.active
            count, picks = 0, {}
            for index, row in enumerate(ws.iter_rows(values_only=True), start=1):
                count += 1
                if index in (1, 2, 50001, 100001):
                    picks[str(index)] = [str(v) if v is not None else None for v in row]
            print(json.dumps({"title": ws.title, "rows": count, "picks": picks}, ensure_ascii=False))
            """);
        read.GetProperty("title").GetString().ShouldBe("案件清单");
        read.GetProperty("rows").GetInt32().ShouldBe(100_001);
        Row(read, 1).ShouldBe(Columns.Select(c => c.Header));
        Row(read, 2).ShouldBe(["CG20261101000001", "市容环境", "东城街道", "2026-11-02 00:00:00", "1.5", "0.01", "2", "否"]);
        Row(read, 50001).ShouldBe(["CG20261101050000", "设施管理", "城关街道", "2026-11-21 00:00:00", "9", "0", "1", "是"]);
        Row(read, 100001)[0].ShouldBe("CG20261101100000");
    }

    [Fact]
    public async Task WriteAsync_ChineseHeaders_WidthsSetFormatsAppliedHeaderFrozen()
    {
        using var folder = new TempFolder();
        var path = folder.File("cases.xlsx");
        await using (var output = File.Create(path))
        {
            await ExcelStreamWriter.WriteAsync(output, Columns, Cases(300).ToBlockingEnumerable());
        }

        var read = ExternalTools.Openpyxl(path, """
            import json, sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1]).active
            print(json.dumps({"freeze": ws.freeze_panes,
                              "widths": {k: v.width for k, v in ws.column_dimensions.items()},
                              "formats": [c.number_format for c in ws[2]],
                              "types": [type(c.value).__name__ for c in ws[2]]}, ensure_ascii=False))
            """);
        read.GetProperty("freeze").GetString().ShouldBe("A2");
        var widths = read.GetProperty("widths");
        widths.GetProperty("A").GetDouble().ShouldBeGreaterThan(17); // "CG20261101000001": 16 × 1.1
        widths.GetProperty("C").GetDouble().ShouldBeGreaterThan(10); // "所属街道" / "城关街道": 4 CJK
        widths.GetProperty("E").GetDouble().ShouldBeGreaterThan(17); // "处置时长（小时）": 8 full-width
        read.GetProperty("formats").EnumerateArray().Select(f => f.GetString())
            .ShouldBe(["General", "General", "General", "yyyy-mm-dd", "0.0", "0.0%", "0", "General"]);
        read.GetProperty("types").EnumerateArray().Select(f => f.GetString())
            .ShouldBe(["str", "str", "str", "datetime", "float", "float", "int", "str"]);
    }

    [Fact]
    public async Task WriteAsync_Cancelled_StopsPullingRows()
    {
        using var folder = new TempFolder();
        using var cancellation = new CancellationTokenSource();
        var pulled = 0;
        async IAsyncEnumerable<IReadOnlyList<object?>> Source([EnumeratorCancellation] CancellationToken token = default)
        {
            await foreach (var row in Cases(100_000).WithCancellation(token))
            {
                if (++pulled == 10_000)
                {
                    await cancellation.CancelAsync();
                }

                yield return row;
            }
        }

        await using var output = File.Create(folder.File("cancelled.xlsx"));

        await Should.ThrowAsync<OperationCanceledException>(() =>
            ExcelStreamWriter.WriteAsync(output, Columns, Source(), cancellationToken: cancellation.Token));
        pulled.ShouldBeLessThan(10_100);
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Cases(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            if (i % 5000 == 0)
            {
                await Task.Yield();
            }

            yield return
            [
                $"CG20261101{i:000000}",
                (i % 3) switch { 0 => "宣传广告", 1 => "市容环境", _ => "设施管理" },
                Streets[i % Streets.Length],
                new DateOnly(2026, 11, 1).AddDays(i % 30),
                (i % 7) * 1.5m,
                (i % 100) / 100.0,
                (i % 4) + 1,
                i % 2 == 0,
            ];
        }
    }

    private static string?[] Row(JsonElement read, int index) =>
        read.GetProperty("picks").GetProperty(index.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .EnumerateArray().Select(v => v.GetString()).ToArray();
}

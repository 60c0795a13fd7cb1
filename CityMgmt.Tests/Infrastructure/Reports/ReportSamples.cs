using CityMgmt.Infrastructure.Reports;

namespace CityMgmt.Tests.Infrastructure.Reports;

/// <summary>A monthly evaluation report shaped like the real one, with values derived from the row number.</summary>
internal static class ReportSamples
{
    public const string Title = "示范县数字化城市管理月度评价报告";
    public const string TableTitle = "专业部门综合评价";
    public static readonly DateTimeOffset GeneratedAt = new(2026, 12, 1, 2, 30, 0, TimeSpan.Zero); // 10:30 China time

    public static readonly ReportColumn[] Columns =
    [
        ReportColumn.WholeNumber("序号"),
        ReportColumn.Text("单位名称"),
        ReportColumn.WholeNumber("应结案数"),
        ReportColumn.Percent("按期结案率"),
        ReportColumn.Number("综合得分"),
        ReportColumn.Grade("等级"),
        ReportColumn.Date("评价日期"),
    ];

    public static string Unit(int i) => $"专业部门{i:000}";

    /// <summary>60.00–99.90, two decimals, varied by row.</summary>
    public static double Score(int i) => 60 + ((i * 37 % 400) / 10.0);

    public static string Grade(double score) => score switch
    {
        >= 90 => "A",
        >= 80 => "B",
        >= 70 => "C",
        >= 65 => "D",
        _ => "E",
    };

    public static ReportRow Row(int i) => ReportRow.Of(
        i,
        Unit(i),
        100 + i,
        i % 10 == 0 ? null : (i % 100) / 100.0,
        Score(i),
        Grade(Score(i)),
        new DateOnly(2026, 11, 30));

    public static ReportTable Table(int rows) => new(TableTitle, Columns, Enumerable.Range(1, rows).Select(Row).ToList());

    public static ReportChart Chart() => new(
        "近十二个月按期结案率趋势",
        ReportChartKind.Line,
        Enumerable.Range(1, 12).Select(m => $"{m}月").ToList(),
        [
            new ReportSeries("按期结案率", Enumerable.Range(1, 12).Select(m => (double?)(80 + m)).ToList()),
            new ReportSeries("群众满意率", Enumerable.Range(1, 12).Select(m => m == 6 ? null : (double?)(75 + m)).ToList()),
        ])
    { YAxisLabel = "百分比（%）" };

    public static ReportChart Bars() => new(
        "各街道案件数",
        ReportChartKind.Bar,
        ["城关街道", "东城街道", "西城街道"],
        [new ReportSeries("上报", [120, 98, 143]), new ReportSeries("结案", [110, 90, 130])]);

    public static ReportDocument Monthly(int rows = 300) => new(
        Title,
        "2026年11月",
        "示范县数字化城市管理监督指挥中心",
        GeneratedAt,
        [
            new ReportSection("一、总体情况", [
                new ReportParagraph("本月共受理案件 12,345 件，立案 11,800 件，按期结案率 95.3%。各专业部门的综合评价结果见下表，等级按综合得分划分为 A、B、C、D、E 五档。"),
                Chart(),
            ]),
            new ReportSection("二、专业部门评价", [Table(rows)]),
            new ReportSection("三、街道情况", [Bars()]),
        ])
    { Author = "张三" };
}

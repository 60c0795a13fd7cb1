using CityMgmt.Domain.Common;
using CityMgmt.Domain.Evaluation;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Reports;

namespace CityMgmt.Infrastructure.Evaluation;

/// <summary>
/// Turns a run into the report model both writers take: one table per object type (rank, name, peer group, every
/// indicator, composite, grade) and a bar chart of the department composites. Rows follow the reader's data scope.
/// </summary>
public sealed class EvaluationReportBuilder(EvaluationQueries queries, TimeProvider clock)
{
    public const string Title = "数字化城市管理综合评价报告";

    public async Task<Result<ReportDocument>> BuildAsync(StaffContext who, Guid runId, CancellationToken ct = default)
    {
        if (!EvaluationAccess.CanExport(who))
        {
            return StaffContext.Forbidden;
        }

        var sections = new List<ReportSection>();
        RunListItem? run = null;
        foreach (var type in Enum.GetValues<EvaluationObjectType>())
        {
            var table = await queries.TableAsync(who, runId, type, ct);
            if (table.IsFailure)
            {
                return table.Error;
            }

            run = table.Value.Run;
            if (table.Value.Rows.Count == 0)
            {
                continue;
            }

            var blocks = new List<ReportBlock> { Table(type, table.Value.Rows) };
            if (type == EvaluationObjectType.Department && table.Value.Rows.Any(r => r.Composite is not null))
            {
                var scored = table.Value.Rows.Where(r => r.Composite is not null).ToList();
                blocks.Add(new ReportChart("专业部门综合得分", ReportChartKind.Bar, [.. scored.Select(r => r.SubjectName)],
                    [new ReportSeries("综合得分", [.. scored.Select(r => (double?)r.Composite)])])
                { YAxisLabel = "得分" });
            }

            sections.Add(new ReportSection($"{type.DisplayName()}评价", blocks));
        }

        if (run is null)
        {
            return EvaluationQueries.RunNotFound;
        }

        var kindName = run.Kind switch { PeriodKind.Week => "周", PeriodKind.Month => "月度", PeriodKind.Quarter => "季度", PeriodKind.Year => "年度", _ => string.Empty };
        sections.Insert(0, new ReportSection("说明", [new ReportParagraph(
            $"评价周期：{run.PeriodLabel}（{run.Start:yyyy-MM-dd} 至 {run.End:yyyy-MM-dd}）\n评价方案：{run.FormulaSetName} 第{run.FormulaSetVersion}版\n" +
            $"本期立案数：{run.Cases}\n等级：A [90,100] 绿 · B [75,90) 蓝 · C [60,75) 黄 · D [40,60) 红 · E [0,40) 黑")]));
        return new ReportDocument($"{kindName}{Title}", run.PeriodLabel, who.OrgName, clock.GetUtcNow(), sections) { Author = who.DisplayName };
    }

    public static string FileName(ReportDocument document, string extension) =>
        $"{document.Title}-{document.Period}.{extension}";

    private static ReportTable Table(EvaluationObjectType type, IReadOnlyList<ObjectEvaluation> rows)
    {
        var indicators = rows[0].Indicators;
        var columns = new List<ReportColumn> { ReportColumn.Text("排名"), ReportColumn.Text("名称"), ReportColumn.Text("同类组") };
        columns.AddRange(indicators.Select(i => i.ValueKind == IndicatorValueKind.Count ? ReportColumn.WholeNumber(i.Name) : ReportColumn.Percent(i.Name, 2)));
        columns.Add(ReportColumn.Number("综合得分"));
        columns.Add(ReportColumn.Grade("等级"));
        var list = rows.Select(r =>
        {
            var values = new List<object?> { r.RankText, r.SubjectName, r.PeerGroup };
            values.AddRange(r.Indicators.Select(i => (object?)i.Value));
            values.Add(r.Composite);
            values.Add(r.Grade?.Grade.ToString());
            return new ReportRow(values);
        }).ToList();
        return new ReportTable($"{type.DisplayName()}排名", columns, list);
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Exports;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Reports.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityMgmt.Infrastructure.Reports.Exports;

/// <summary>
/// 案件清单: every case reported in an evaluation run's period that the owner's data scope shows, streamed with
/// MiniExcel one row at a time (100,000+ rows in bounded memory). Progress is rows written of the count.
/// </summary>
internal sealed class CaseListExport : IExportWriter
{
    public static readonly IReadOnlyList<ReportColumn> Columns =
    [
        ReportColumn.Text("案件编号"), ReportColumn.Text("来源"), ReportColumn.Text("案件类别"), ReportColumn.Text("状态"),
        ReportColumn.Text("地址"), ReportColumn.Text("街道（乡镇）"), ReportColumn.Text("责任部门"), ReportColumn.Text("上报时间"),
        ReportColumn.Text("立案时间"), ReportColumn.Text("派遣时间"), ReportColumn.Text("结案时间"), ReportColumn.WholeNumber("返工次数"),
    ];

    public ExportKind Kind => ExportKind.CaseList;

    public async Task WriteAsync(ExportContext context)
    {
        var ct = context.CancellationToken;
        var runId = Guid.Parse(context.Job.Parameter);
        var factory = context.Services.GetRequiredService<IDbContextFactory<CityDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var run = await db.EvaluationRuns.AsNoTracking().Where(r => r.Id == runId).Select(r => new { r.PeriodStart, r.PeriodEnd }).FirstOrDefaultAsync(ct)
            ?? throw new ExportFailedException("导出失败：评价结果不存在。");
        var (from, to) = (ChinaDay.Start(run.PeriodStart), ChinaDay.Start(run.PeriodEnd.AddDays(1)));
        var cases = db.Cases.AsNoTracking().VisibleTo(context.Owner.Scope).Where(c => c.ReportedAt >= from && c.ReportedAt < to);

        context.Report(0, null, "正在统计案件数");
        var total = await cases.LongCountAsync(ct);
        var names = await Lookups.LoadAsync(db, ct);
        await using var reader = await factory.CreateDbContextAsync(ct);
        var rows = Rows(reader.Cases.AsNoTracking().VisibleTo(context.Owner.Scope).Where(c => c.ReportedAt >= from && c.ReportedAt < to), names, ct);
        await ExcelStreamWriter.WriteAsync(context.Output, Columns, rows, "案件清单", context.Rows(total, "正在写入"), ct);
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Rows(IQueryable<CityCase> cases, Lookups names, [EnumeratorCancellation] CancellationToken ct)
    {
        var query = cases.OrderBy(c => c.ReportedAt).Select(c => new
        {
            c.Number,
            c.Source,
            c.CategoryId,
            c.Status,
            c.Address,
            c.StreetId,
            c.DepartmentId,
            c.ReportedAt,
            c.FiledAt,
            c.DispatchedAt,
            c.ClosedAt,
            c.ReworkCount,
        });
        await foreach (var c in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return
            [
                c.Number.ToString(), c.Source.DisplayName(), names.Category(c.CategoryId), c.Status.DisplayName(), c.Address,
                names.Division(c.StreetId), names.Unit(c.DepartmentId), Time(c.ReportedAt), Time(c.FiledAt), Time(c.DispatchedAt),
                Time(c.ClosedAt), c.ReworkCount,
            ];
        }
    }

    private static string? Time(DateTimeOffset? instant) => instant is { } i
        ? ReportValues.ToChinaTime(i).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
        : null;

    /// <summary>The small code lists, read once so the streamed query joins nothing.</summary>
    private sealed record Lookups(Dictionary<Guid, string> Categories, Dictionary<Guid, string> Divisions, Dictionary<Guid, string> Units)
    {
        public static async Task<Lookups> LoadAsync(CityDbContext db, CancellationToken ct) => new(
            await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct),
            await db.Divisions.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct),
            await db.OrgUnits.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct));

        public string? Category(Guid id) => Categories.GetValueOrDefault(id);

        public string? Division(Guid? id) => id is { } v ? Divisions.GetValueOrDefault(v) : null;

        public string? Unit(Guid? id) => id is { } v ? Units.GetValueOrDefault(v) : null;
    }
}

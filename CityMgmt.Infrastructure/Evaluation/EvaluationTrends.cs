using CityMgmt.Domain.Common;
using CityMgmt.Domain.Evaluation;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Evaluation;

/// <summary>Composites of several subjects (departments, streets …) over the same periods; null where a period has no row.</summary>
public sealed record TrendComparison(IReadOnlyList<string> Periods, IReadOnlyList<TrendSeries> Series);

public sealed record TrendSeries(string SubjectId, string Name, IReadOnlyList<TrendPoint> Points);

/// <summary>
/// Trends per department and per region over the last periods of one kind, from the frozen runs (the newest formula
/// version of each period), for the subjects the caller's data scope shows.
/// </summary>
public sealed class EvaluationTrends(IDbContextFactory<CityDbContext> factory)
{
    public const int MaxSubjects = 10;

    public async Task<Result<TrendComparison>> CompareAsync(
        StaffContext who, EvaluationObjectType type, IReadOnlyList<string> subjectIds, PeriodKind kind, int take = 12, CancellationToken ct = default)
    {
        if (!EvaluationAccess.CanView(who))
        {
            return StaffContext.Forbidden;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var allowed = await EvaluationAccess.RowFilterAsync(db, who, ct);
        var subjects = subjectIds.Where(id => allowed(type, id)).Distinct().Take(MaxSubjects).ToList();
        var runs = (await db.EvaluationRuns.AsNoTracking().Where(r => r.PeriodKind == kind)
                .Select(r => new { r.Id, r.PeriodStart, r.PeriodLabel, r.FormulaSetVersion }).ToListAsync(ct))
            .GroupBy(r => r.PeriodStart).Select(g => g.OrderByDescending(r => r.FormulaSetVersion).First())
            .OrderByDescending(r => r.PeriodStart).Take(take).OrderBy(r => r.PeriodStart).ToList();
        var runIds = runs.Select(r => r.Id).ToList();
        var rows = await db.EvaluationResults.AsNoTracking()
            .Where(r => runIds.Contains(r.RunId) && r.ObjectType == type && subjects.Contains(r.SubjectId))
            .Select(r => new { r.RunId, r.SubjectId, r.SubjectName, r.Composite, r.Grade }).ToListAsync(ct);
        var byKey = rows.ToDictionary(r => (r.RunId, r.SubjectId));
        var series = subjects.Select(id => new TrendSeries(
                id,
                rows.Where(r => r.SubjectId == id).Select(r => r.SubjectName).LastOrDefault() ?? id,
                runs.Select(run => byKey.TryGetValue((run.Id, id), out var row)
                    ? new TrendPoint(run.PeriodLabel, row.Composite, row.Grade)
                    : new TrendPoint(run.PeriodLabel, null, null)).ToList()))
            .Where(s => s.Points.Any(p => p.Composite is not null))
            .ToList();
        return new TrendComparison(runs.Select(r => r.PeriodLabel).ToList(), series);
    }
}

using CityMgmt.Domain.Common;
using CityMgmt.Domain.Evaluation;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Evaluation;

/// <summary>
/// A township's or department's quarterly or annual assessment: its composite in the period's run, the deductions in
/// force dated in the period, and the final score (composite − deductions, never below 0) with its grade.
/// </summary>
public sealed record AssessmentRow(
    EvaluationObjectType Type, string Id, string Name, decimal? Composite, decimal Deducted, int DeductionCount, decimal? FinalScore, GradeInfo? Grade);

/// <summary>The assessment of one period, with the run (label, formula version) its composites come from.</summary>
public sealed record Assessment(EvaluationPeriod Period, RunListItem? Run, IReadOnlyList<AssessmentRow> Rows);

/// <summary>
/// Combines frozen runs with the deductions at read time: deductions are append-only (revocations included), so the
/// figures can always be re-derived, and a deduction recorded after the run still counts for its period.
/// </summary>
public sealed class AssessmentQueries(IDbContextFactory<CityDbContext> factory)
{
    public static readonly EvaluationObjectType[] Assessed = [EvaluationObjectType.Street, EvaluationObjectType.Department];

    public async Task<Result<Assessment>> AssessAsync(StaffContext who, EvaluationPeriod period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (!EvaluationAccess.CanView(who))
        {
            return StaffContext.Forbidden;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var allowed = await EvaluationAccess.RowFilterAsync(db, who, ct);
        var run = await db.EvaluationRuns.AsNoTracking()
            .Where(r => r.PeriodKind == period.Kind && r.PeriodStart == period.Start && r.PeriodEnd == period.End)
            .OrderByDescending(r => r.FormulaSetVersion)
            .Select(r => new RunListItem(r.Id, r.PeriodKind, r.PeriodLabel, r.PeriodStart, r.PeriodEnd, r.FormulaSetName, r.FormulaSetVersion, r.Trigger, r.RanAt, r.CasesConsidered))
            .FirstOrDefaultAsync(ct);
        var composites = new Dictionary<(EvaluationObjectType, string), decimal?>();
        if (run is not null)
        {
            var rows = await db.EvaluationResults.AsNoTracking().Where(r => r.RunId == run.Id && Assessed.Contains(r.ObjectType))
                .Select(r => new { r.ObjectType, r.SubjectId, r.Composite }).ToListAsync(ct);
            foreach (var row in rows)
            {
                composites[(row.ObjectType, row.SubjectId)] = row.Composite;
            }
        }

        var (items, revoked) = await DeductionService.InForceAsync(db, period, ct);
        var result = new List<AssessmentRow>();
        foreach (var target in (await DeductionService.AllTargetsAsync(db, ct)).Where(t => allowed(t.Type, t.Id)))
        {
            var hasRow = composites.TryGetValue((target.Type, target.Id), out var composite);
            var mine = items.Where(d => d.TargetType == target.Type).ToList();
            var score = AssessmentScore.Compute(target.Id, period, composite ?? 0m, mine, revoked);
            if (!hasRow && score.Deductions.Count == 0)
            {
                continue; // neither cases in the period nor deductions: nothing to assess
            }

            result.Add(new AssessmentRow(target.Type, target.Id, target.Name, composite, score.TotalDeducted, score.Deductions.Count,
                composite is null ? null : score.FinalScore, composite is null ? null : score.Grade));
        }

        return new Assessment(period, run, [.. result.OrderBy(r => r.Type).ThenByDescending(r => r.FinalScore ?? -1).ThenBy(r => r.Name, StringComparer.Ordinal)]);
    }

    /// <summary>Deductions in force per subject of <paramref name="type"/> in a quarter or year (null for other periods and types).</summary>
    internal static async Task<IReadOnlyDictionary<string, decimal>?> DeductedAsync(CityDbContext db, RunListItem run, EvaluationObjectType type, CancellationToken ct)
    {
        if (run.Kind is not (PeriodKind.Quarter or PeriodKind.Year) || !Assessed.Contains(type))
        {
            return null;
        }

        var period = EvaluationPeriod.Containing(run.Kind, run.Start);
        var (items, revoked) = await DeductionService.InForceAsync(db, period, ct);
        return items.Where(d => d.TargetType == type && !revoked.Contains(d.Id))
            .GroupBy(d => d.TargetId).ToDictionary(g => g.Key, g => g.Sum(d => d.Points));
    }
}

using System.Text.Json;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Evaluation.Runs;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Evaluation;

public sealed record RunListItem(Guid Id, PeriodKind Kind, string PeriodLabel, DateOnly Start, DateOnly End, string FormulaSetName, int FormulaSetVersion, RunTrigger Trigger, DateTimeOffset RanAt, long Cases);

/// <summary>
/// One ranked table of a run, already filtered to the reader's data scope. <see cref="Deducted"/>: for townships and
/// departments in a quarter or year, the 扣分 in force per subject id (see <see cref="AssessmentQueries"/>); else null.
/// </summary>
public sealed record RunTable(RunListItem Run, EvaluationObjectType Type, IReadOnlyList<ObjectEvaluation> Rows, IReadOnlyDictionary<string, decimal>? Deducted = null);

/// <summary>A point of a trend: one period's composite (null: no data).</summary>
public sealed record TrendPoint(string PeriodLabel, decimal? Composite, Grade? Grade);

/// <summary>Reads the frozen runs; every method checks the role and filters by data scope.</summary>
public sealed class EvaluationQueries(IDbContextFactory<CityDbContext> factory)
{
    public static readonly Error RunNotFound = new("Evaluation.RunNotFound", "评价结果不存在");

    public async Task<Result<IReadOnlyList<RunListItem>>> RunsAsync(StaffContext who, PeriodKind? kind = null, CancellationToken ct = default)
    {
        if (!EvaluationAccess.CanView(who))
        {
            return StaffContext.Forbidden;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.EvaluationRuns.AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(r => r.PeriodKind == k);
        }

        var runs = await query.Select(r => new RunListItem(r.Id, r.PeriodKind, r.PeriodLabel, r.PeriodStart, r.PeriodEnd, r.FormulaSetName, r.FormulaSetVersion, r.Trigger, r.RanAt, r.CasesConsidered))
            .ToListAsync(ct);
        return runs.OrderByDescending(r => r.Start).ThenByDescending(r => r.FormulaSetVersion).ToList();
    }

    public async Task<Result<RunTable>> TableAsync(StaffContext who, Guid runId, EvaluationObjectType type, CancellationToken ct = default)
    {
        if (!EvaluationAccess.CanView(who))
        {
            return StaffContext.Forbidden;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var run = await db.EvaluationRuns.AsNoTracking().Where(r => r.Id == runId)
            .Select(r => new RunListItem(r.Id, r.PeriodKind, r.PeriodLabel, r.PeriodStart, r.PeriodEnd, r.FormulaSetName, r.FormulaSetVersion, r.Trigger, r.RanAt, r.CasesConsidered))
            .FirstOrDefaultAsync(ct);
        if (run is null)
        {
            return RunNotFound;
        }

        var allowed = await EvaluationAccess.RowFilterAsync(db, who, ct);
        var rows = await db.EvaluationResults.AsNoTracking().Where(r => r.RunId == runId && r.ObjectType == type)
            .OrderBy(r => r.Order).Select(r => new { r.SubjectId, r.Json }).ToListAsync(ct);
        var deducted = await AssessmentQueries.DeductedAsync(db, run, type, ct);
        return new RunTable(run, type, [.. rows.Where(r => allowed(type, r.SubjectId)).Select(r => Read(r.Json))], deducted);
    }

    /// <summary>The composite of one object over the latest <paramref name="take"/> runs of <paramref name="kind"/>, oldest first.</summary>
    public async Task<Result<IReadOnlyList<TrendPoint>>> TrendAsync(StaffContext who, EvaluationObjectType type, string subjectId, PeriodKind kind, int take = 12, CancellationToken ct = default)
    {
        if (!EvaluationAccess.CanView(who))
        {
            return StaffContext.Forbidden;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var allowed = await EvaluationAccess.RowFilterAsync(db, who, ct);
        if (!allowed(type, subjectId))
        {
            return StaffContext.Forbidden;
        }

        var points = await (from run in db.EvaluationRuns.AsNoTracking()
                            where run.PeriodKind == kind
                            join row in db.EvaluationResults.AsNoTracking().Where(r => r.ObjectType == type && r.SubjectId == subjectId) on run.Id equals row.RunId into rows
                            from row in rows.DefaultIfEmpty()
                            select new { run.PeriodStart, run.PeriodLabel, run.FormulaSetVersion, Composite = row == null ? null : row.Composite, Grade = row == null ? null : row.Grade })
            .ToListAsync(ct);
        return points.GroupBy(p => p.PeriodStart).Select(g => g.OrderByDescending(p => p.FormulaSetVersion).First())
            .OrderByDescending(p => p.PeriodStart).Take(take).OrderBy(p => p.PeriodStart)
            .Select(p => new TrendPoint(p.PeriodLabel, p.Composite, p.Grade)).ToList();
    }

    internal static ObjectEvaluation Read(string json) => JsonSerializer.Deserialize<ObjectEvaluation>(json, EvaluationRunner.Json)!;
}

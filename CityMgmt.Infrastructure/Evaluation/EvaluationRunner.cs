using System.Text.Json;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Divisions;
using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Evaluation.Runs;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityMgmt.Infrastructure.Evaluation;

/// <summary>What a run request returned: the run, and whether it was made now or already existed.</summary>
public sealed record RunOutcome(Guid RunId, string PeriodLabel, string FormulaSetName, int FormulaSetVersion, bool AlreadyExisted);

/// <summary>
/// Evaluates one period with the active formula set and snapshots the results. One run per period and formula set
/// version: asking again returns the existing run (also when two requests race: the unique index decides).
/// </summary>
public sealed class EvaluationRunner(
    IDbContextFactory<CityDbContext> factory,
    FormulaSetStore formulas,
    IOptions<StageLimitOptions> limits,
    TimeProvider clock,
    ILogger<EvaluationRunner> logger)
{
    internal static readonly JsonSerializerOptions Json = new();

    public async Task<Result<RunOutcome>> RunAsync(EvaluationPeriod period, RunTrigger trigger, string requestedBy, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var set = await formulas.ActiveAsync(ct);
        if (await FindAsync(period, set.Definition, ct) is { } existing)
        {
            progress?.Report(100);
            return existing;
        }

        progress?.Report(5);
        await using var db = await factory.CreateDbContextAsync(ct);
        var subjects = await CollectAsync(db, period, progress, ct);
        progress?.Report(70);

        var run = new EvaluationRun(period, set.Definition, JsonSerializer.Serialize(set.Definition, Json), trigger, requestedBy, clock.GetUtcNow(), subjects.Cases);
        db.EvaluationRuns.Add(run);
        foreach (var type in Enum.GetValues<EvaluationObjectType>().Where(set.Covers))
        {
            var report = set.Evaluate(type, period, subjects.Of(type));
            if (report.IsFailure)
            {
                return report.Error;
            }

            var order = 0;
            foreach (var row in report.Value.Rows)
            {
                db.EvaluationResults.Add(new EvaluationResultRow(run.Id, type, order++, row, JsonSerializer.Serialize(row, Json)));
            }
        }

        progress?.Report(85);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another run of the same period and version won the unique index: report that one.
            if (await FindAsync(period, set.Definition, ct) is { } raced)
            {
                return raced;
            }

            throw;
        }

        logger.LogInformation("Evaluation run {RunId} for {Period} ({Trigger}) with {Set} v{Version}: {Cases} cases",
            run.Id, period.Label, trigger, set.Definition.Name, set.Definition.Version, subjects.Cases);
        progress?.Report(100);
        return new RunOutcome(run.Id, period.Label, set.Definition.Name, set.Definition.Version, false);
    }

    private async Task<RunOutcome?> FindAsync(EvaluationPeriod period, FormulaSet set, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var run = await db.EvaluationRuns.AsNoTracking()
            .Where(r => r.PeriodKind == period.Kind && r.PeriodStart == period.Start && r.PeriodEnd == period.End
                && r.FormulaSetName == set.Name && r.FormulaSetVersion == set.Version)
            .Select(r => new { r.Id, r.PeriodLabel })
            .FirstOrDefaultAsync(ct);
        return run is null ? null : new RunOutcome(run.Id, run.PeriodLabel, set.Name, set.Version, true);
    }

    private async Task<SubjectSet> CollectAsync(CityDbContext db, EvaluationPeriod period, IProgress<int>? progress, CancellationToken ct)
    {
        var sql = new HistorySql(db.Database.IsSqlServer() ? DatabaseProvider.SqlServer : DatabaseProvider.Sqlite);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var scan = await HistoryScan.RunAsync(connection, sql, period, limits.Value, ct: ct);
        var (staff, cohort) = (scan.Staff, scan.Cohort);
        progress?.Report(55);

        var extra = await StaffExtraCounts.LoadAsync(db, cohort, scan.VerificationSends, ct);

        var subjects = new SubjectSet(cohort.Cases);
        foreach (var ((actorId, role), counts) in staff)
        {
            if (StaffCountQuery.TypeOf(role) is { } type)
            {
                subjects.Add(new EvaluationSubject(actorId, counts.Name, type, extra.For(actorId, role, type, counts.For(type))));
            }
        }

        foreach (var supervisor in extra.SupervisorsWithoutLines(staff.Keys.Where(k => StaffExtraCounts.IsSupervisor(k.Role)).Select(k => k.ActorId).ToHashSet()))
        {
            subjects.Add(supervisor);
        }

        var departments = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.Department && o.IsActive)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        // Only units with cases in the period: with none, the banded 立案数 alone would score a full 100.
        foreach (var d in departments.Where(d => cohort.Departments.ContainsKey(d.Id)))
        {
            subjects.Add(new EvaluationSubject(d.Id.ToString(), d.Name, EvaluationObjectType.Department, Counts(cohort.Departments, d.Id), "专业部门"));
        }

        var divisions = await db.Divisions.AsNoTracking().Select(d => new { d.Id, d.Name, d.Level }).ToListAsync(ct);
        foreach (var d in divisions)
        {
            switch (d.Level)
            {
                case DivisionLevel.County when cohort.Cases > 0:
                    subjects.Add(new EvaluationSubject(d.Id.ToString(), d.Name, EvaluationObjectType.District, cohort.County.ToCounts()));
                    break;
                case DivisionLevel.Street when cohort.Streets.ContainsKey(d.Id):
                    subjects.Add(new EvaluationSubject(d.Id.ToString(), d.Name, EvaluationObjectType.Street, Counts(cohort.Streets, d.Id)));
                    break;
                case DivisionLevel.Community when cohort.Communities.ContainsKey(d.Id):
                    subjects.Add(new EvaluationSubject(d.Id.ToString(), d.Name, EvaluationObjectType.Community, Counts(cohort.Communities, d.Id)));
                    break;
            }
        }

        // Grids only when they had cases: a county has thousands, most of them quiet.
        var gridIds = cohort.Grids.Keys.ToList();
        var grids = await db.Grids.AsNoTracking().Where(g => gridIds.Contains(g.Id)).Select(g => new { g.Id, g.Code, g.Name }).ToListAsync(ct);
        foreach (var g in grids)
        {
            subjects.Add(new EvaluationSubject(g.Id.ToString(), $"{g.Name}（{g.Code}）", EvaluationObjectType.Grid, Counts(cohort.Grids, g.Id)));
        }

        return subjects;
    }

    private static CountSet Counts(Dictionary<Guid, Tally> tallies, Guid id) => tallies[id].ToCounts();

    private sealed class SubjectSet(long cases)
    {
        private readonly Dictionary<EvaluationObjectType, List<EvaluationSubject>> byType = [];

        public long Cases { get; } = cases;

        public void Add(EvaluationSubject subject)
        {
            if (!byType.TryGetValue(subject.Type, out var list))
            {
                byType[subject.Type] = list = [];
            }

            list.Add(subject);
        }

        public List<EvaluationSubject> Of(EvaluationObjectType type) => byType.GetValueOrDefault(type) ?? [];
    }
}

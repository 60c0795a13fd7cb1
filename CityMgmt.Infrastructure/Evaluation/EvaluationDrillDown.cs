using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Evaluation;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Evaluation;

public sealed record DrillCase(Guid Id, string Number, CaseStatus Status, string Address, DateTimeOffset ReportedAt);

/// <summary>The cases behind a count of a run (as many as <see cref="MaxCases"/>), read from the same history the count came from.</summary>
public sealed class EvaluationDrillDown(IDbContextFactory<CityDbContext> factory)
{
    public const int MaxCases = 500;

    public static readonly Error NotDrillable = new("Evaluation.NotDrillable", "该数字不能查看明细");

    public async Task<Result<(IReadOnlyList<DrillCase> Cases, int Total)>> CasesAsync(
        StaffContext who, Guid runId, EvaluationObjectType type, string subjectId, CountKey count, CancellationToken ct = default)
    {
        if (!EvaluationAccess.CanView(who))
        {
            return StaffContext.Forbidden;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var run = await db.EvaluationRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null)
        {
            return EvaluationQueries.RunNotFound;
        }

        var allowed = await EvaluationAccess.RowFilterAsync(db, who, ct);
        if (!allowed(type, subjectId))
        {
            return StaffContext.Forbidden;
        }

        var period = EvaluationPeriod.Custom(run.PeriodStart, run.PeriodEnd).Value;
        var (start, end) = (period.StartsAt, period.EndsBefore);
        IQueryable<Guid>? ids = (type, count) switch
        {
            (EvaluationObjectType.Supervisor, CountKey.Filed or CountKey.Missed) => ResponsibilityGrids(db, subjectId, count, start, end),
            (EvaluationObjectType.Operator, CountKey.VerificationsSent or CountKey.VerificationsSentOnTime) =>
                db.CaseHistory.Where(h => h.ActorId == subjectId && h.At >= start && h.At < end
                    && h.Action == CaseAction.Registered && h.ToStatus == CaseStatus.PendingVerification).Select(h => h.CaseId),
            _ => StaffOrCohort(db, type, subjectId, count, start, end),
        };
        if (ids is null)
        {
            return NotDrillable;
        }

        var cases = db.Cases.AsNoTracking().VisibleTo(who.Scope).Where(c => ids.Contains(c.Id));
        var total = await cases.CountAsync(ct);
        var list = await cases.OrderBy(c => c.ReportedAt).Take(MaxCases)
            .Select(c => new { c.Id, c.Number, c.Status, c.Address, c.ReportedAt }).ToListAsync(ct);
        return (list.Select(c => new DrillCase(c.Id, c.Number.Value, c.Status, c.Address, c.ReportedAt)).ToList(), total);
    }

    /// <summary>立案数 / 漏报数 of a supervisor: the period's filed cases in his 责任网格 (as GridResponsibilityQuery counts them).</summary>
    private static IQueryable<Guid> ResponsibilityGrids(CityDbContext db, string supervisorId, CountKey count, DateTimeOffset start, DateTimeOffset end)
    {
        var grids = from g in db.Grids
                    join r in db.ResponsibilityGrids on g.ResponsibilityGridId equals r.Id
                    where r.SupervisorUserId == supervisorId
                    select (Guid?)g.Id;
        var filed = db.CaseHistory.Where(h => h.Action == CaseAction.Filed && h.At >= start && h.At < end).Select(h => h.CaseId);
        var cases = db.Cases.Where(c => filed.Contains(c.Id) && grids.Contains(c.GridId));
        if (count == CountKey.Missed)
        {
            var verified = db.CaseHistory.Where(h => h.Action == CaseAction.Verified && h.At < end).Select(h => h.CaseId);
            var cancelled = db.CaseHistory.Where(h => h.Action == CaseAction.Cancelled && h.At < end).Select(h => h.CaseId);
            cases = cases.Where(c => c.Source != CaseSource.SupervisorReport && c.Source != CaseSource.SelfHandled
                && verified.Contains(c.Id) && !cancelled.Contains(c.Id));
        }

        return cases.Select(c => c.Id);
    }

    private static IQueryable<Guid>? StaffOrCohort(CityDbContext db, EvaluationObjectType type, string subjectId, CountKey count, DateTimeOffset start, DateTimeOffset end) =>
        type switch
        {
            EvaluationObjectType.Supervisor or EvaluationObjectType.Operator or EvaluationObjectType.ShiftLeader or EvaluationObjectType.Dispatcher
                when StaffActions(count) is { Length: > 0 } actions =>
                db.CaseHistory.Where(h => h.ActorId == subjectId && h.At >= start && h.At < end && actions.Contains(h.Action)).Select(h => h.CaseId),
            _ when type is EvaluationObjectType.Supervisor or EvaluationObjectType.Operator or EvaluationObjectType.ShiftLeader or EvaluationObjectType.Dispatcher => null,
            _ => Cohort(db, type, subjectId, count, start, end),
        };

    private static CaseAction[] StaffActions(CountKey count) => count switch
    {
        CountKey.Reported or CountKey.ValidReported => [CaseAction.Reported],
        CountKey.VerificationsDue or CountKey.VerifiedOnTime => [CaseAction.Verified],
        CountKey.ChecksDue or CountKey.CheckedOnTime => [CaseAction.CheckPassed, CaseAction.CheckFailed],
        CountKey.Accepted => [CaseAction.Registered],
        CountKey.Filed or CountKey.FiledOnTime => [CaseAction.Filed],
        CountKey.Cancelled => [CaseAction.Cancelled],
        CountKey.ClosuresDue or CountKey.Closed or CountKey.ClosedOnTime => [CaseAction.Closed],
        CountKey.Dispatched or CountKey.DispatchesDue or CountKey.DispatchedOnTime => [CaseAction.Dispatched],
        _ => [],
    };

    private static IQueryable<Guid>? Cohort(CityDbContext db, EvaluationObjectType type, string subjectId, CountKey count, DateTimeOffset start, DateTimeOffset end)
    {
        if (!Guid.TryParse(subjectId, out var id))
        {
            return null;
        }

        var filed = db.CaseHistory.Where(h => h.Action == CaseAction.Filed && h.At >= start && h.At < end).Select(h => h.CaseId);
        var cases = db.Cases.Where(c => filed.Contains(c.Id));
        cases = type switch
        {
            EvaluationObjectType.Department => cases.Where(c => c.DepartmentId == id),
            EvaluationObjectType.Street => cases.Where(c => c.StreetId == id),
            EvaluationObjectType.Community => cases.Where(c => c.CommunityId == id),
            EvaluationObjectType.Grid => cases.Where(c => c.GridId == id),
            _ => cases,
        };
        CaseAction? outcome = count switch
        {
            CountKey.Filed or CountKey.DisposalsDue or CountKey.ClosuresDue => null,
            CountKey.Closed => CaseAction.Closed,
            CountKey.Disposed => CaseAction.DisposalReported,
            CountKey.Reworked => CaseAction.CheckFailed,
            CountKey.Cancelled => CaseAction.Cancelled,
            CountKey.Extended => CaseAction.Extended,
            CountKey.PublicReportsVerified => CaseAction.Verified,
            _ => (CaseAction)(-1),
        };
        if (outcome == (CaseAction)(-1))
        {
            return null;
        }

        if (outcome is { } action)
        {
            var with = db.CaseHistory.Where(h => h.Action == action && h.At < end).Select(h => h.CaseId);
            cases = cases.Where(c => with.Contains(c.Id));
        }

        return cases.Select(c => c.Id);
    }
}

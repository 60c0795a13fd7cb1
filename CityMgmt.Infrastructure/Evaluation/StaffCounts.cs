using System.Data.Common;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Cases;

namespace CityMgmt.Infrastructure.Evaluation;

/// <summary>
/// What counts for the four centre posts (read by <see cref="HistoryScan"/> from the append-only case history): each
/// history line of the period counts for the person who wrote it, under the role recorded with it. A step is on time
/// when the time since the case's previous step is within the stage limit (<see cref="StageLimitOptions"/>, measured
/// in natural time).
/// </summary>
internal static class StaffCountQuery
{
    public static readonly CaseAction[] Counted =
    [
        CaseAction.Reported, CaseAction.Verified, CaseAction.CheckPassed, CaseAction.CheckFailed, CaseAction.Registered,
        CaseAction.VerificationRequested, CaseAction.Filed, CaseAction.Cancelled, CaseAction.Closed, CaseAction.Dispatched,
    ];

    internal static void AddPeriod(DbCommand command, HistorySql sql, EvaluationPeriod period)
    {
        HistorySql.Add(command, "@start", sql.Instant(period.StartsAt));
        HistorySql.Add(command, "@end", sql.Instant(period.EndsBefore));
    }

    public static EvaluationObjectType? TypeOf(string role) => role switch
    {
        StaffRole.Supervisor => EvaluationObjectType.Supervisor,
        StaffRole.Operator => EvaluationObjectType.Operator,
        StaffRole.ShiftLeader => EvaluationObjectType.ShiftLeader,
        StaffRole.Dispatcher => EvaluationObjectType.Dispatcher,
        _ => null,
    };
}

/// <summary>What one person did in the period, by action: how many, how many on time, how many reports were filed.</summary>
internal sealed class StaffCounts(string name)
{
    private readonly Dictionary<CaseAction, (long Count, long OnTime)> actions = [];

    public string Name { get; set; } = name;

    public long Valid { get; private set; }

    public long Returned { get; set; }

    public void Add(CaseAction action, long count, long onTime, long valid)
    {
        var (sum, sumOnTime) = actions.GetValueOrDefault(action);
        actions[action] = (sum + count, sumOnTime + onTime);
        Valid += valid;
    }

    /// <summary>Adds another tally's counts of the same person (a partition of the scan); Returned is set after.</summary>
    public void Add(StaffCounts other)
    {
        foreach (var (action, (count, onTime)) in other.actions)
        {
            Add(action, count, onTime, 0);
        }

        Valid += other.Valid;
    }

    public long Count(params CaseAction[] of) => of.Sum(a => actions.GetValueOrDefault(a).Count);

    public long OnTime(params CaseAction[] of) => of.Sum(a => actions.GetValueOrDefault(a).OnTime);

    /// <summary>The counts the standard's formulas of <paramref name="type"/> use (CountKey names).</summary>
    public CountSet For(EvaluationObjectType type) => type switch
    {
        EvaluationObjectType.Supervisor => CountSet.Of(
            (CountKey.Reported, Count(CaseAction.Reported)),
            (CountKey.ValidReported, Valid),
            (CountKey.VerificationsDue, Count(CaseAction.Verified)),
            (CountKey.VerifiedOnTime, OnTime(CaseAction.Verified)),
            (CountKey.ChecksDue, Count(CaseAction.CheckPassed, CaseAction.CheckFailed)),
            (CountKey.CheckedOnTime, OnTime(CaseAction.CheckPassed, CaseAction.CheckFailed))),
        EvaluationObjectType.Operator => CountSet.Of(
            (CountKey.Accepted, Count(CaseAction.Registered)),
            (CountKey.VerificationsSent, Count(CaseAction.VerificationRequested)),
            (CountKey.VerificationsSentOnTime, OnTime(CaseAction.VerificationRequested))),
        EvaluationObjectType.ShiftLeader => CountSet.Of(
            (CountKey.Filed, Count(CaseAction.Filed)),
            (CountKey.FiledOnTime, OnTime(CaseAction.Filed)),
            (CountKey.Cancelled, Math.Min(Count(CaseAction.Cancelled), Count(CaseAction.Filed))),
            (CountKey.ClosuresDue, Count(CaseAction.Closed)),
            (CountKey.Closed, Count(CaseAction.Closed)),
            (CountKey.ClosedOnTime, OnTime(CaseAction.Closed))),
        EvaluationObjectType.Dispatcher => CountSet.Of(
            (CountKey.Dispatched, Count(CaseAction.Dispatched)),
            (CountKey.DispatchesDue, Count(CaseAction.Dispatched)),
            (CountKey.DispatchedOnTime, OnTime(CaseAction.Dispatched)),
            (CountKey.Reworked, Math.Min(Returned, Count(CaseAction.Dispatched)))),
        _ => CountSet.Empty,
    };
}

using System.Data.Common;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Cases;

namespace CityMgmt.Infrastructure.Evaluation;

/// <summary>
/// Counts of the four centre posts from the append-only case history: each history line of the period counts for
/// the person who wrote it, under the role recorded with it. A step is on time when the time since the case's
/// previous step is within the stage limit (<see cref="StageLimitOptions"/>, measured in natural time).
/// </summary>
internal static class StaffCountQuery
{
    public static readonly CaseAction[] Counted =
    [
        CaseAction.Reported, CaseAction.Verified, CaseAction.CheckPassed, CaseAction.CheckFailed, CaseAction.Registered,
        CaseAction.VerificationRequested, CaseAction.Filed, CaseAction.Cancelled, CaseAction.Closed, CaseAction.Dispatched,
    ];

    public static async Task<Dictionary<(string ActorId, string Role), StaffCounts>> RunAsync(
        DbConnection connection, HistorySql sql, EvaluationPeriod period, StageLimitOptions limits, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), StaffCounts>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT h.ActorId, MAX(h.ActorName), h.ActorRole, h.Action, COUNT(*),
                  SUM(CASE WHEN p.At IS NOT NULL AND {sql.Elapsed("p.At", "h.At")} <= (CASE h.Action
                      WHEN 'Verified' THEN @verify WHEN 'CheckPassed' THEN @check WHEN 'CheckFailed' THEN @check
                      WHEN 'Filed' THEN @file WHEN 'Closed' THEN @close ELSE @dispatch END) THEN 1 ELSE 0 END),
                  SUM(CASE WHEN h.Action = 'Reported' AND EXISTS (SELECT 1 FROM CaseHistory f WHERE f.CaseId = h.CaseId AND f.Action = 'Filed') THEN 1 ELSE 0 END)
                FROM CaseHistory h
                LEFT JOIN CaseHistory p ON p.CaseId = h.CaseId AND p.Sequence = h.Sequence - 1
                WHERE h.At >= @start AND h.At < @end AND h.Action IN ({string.Join(", ", Counted.Select(a => $"'{a}'"))})
                GROUP BY h.ActorId, h.ActorRole, h.Action
                """;
            AddPeriod(command, sql, period);
            HistorySql.Add(command, "@verify", limits.Verification.Ticks);
            HistorySql.Add(command, "@check", limits.Check.Ticks);
            HistorySql.Add(command, "@file", limits.FilingNormal.Ticks);
            HistorySql.Add(command, "@close", limits.Close.Ticks);
            HistorySql.Add(command, "@dispatch", limits.DispatchNormal.Ticks);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var key = (reader.GetString(0), reader.GetString(2));
                if (!result.TryGetValue(key, out var counts))
                {
                    result[key] = counts = new StaffCounts(reader.GetString(1));
                }

                counts.Add(Enum.Parse<CaseAction>(reader.GetString(3)), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
            }
        }

        // 返工 of a dispatcher: the department returned the case right after his dispatch (wrong department).
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT p.ActorId, p.ActorRole, COUNT(*)
                FROM CaseHistory h JOIN CaseHistory p ON p.CaseId = h.CaseId AND p.Sequence = h.Sequence - 1
                WHERE h.At >= @start AND h.At < @end AND h.Action = 'Returned' AND p.Action = 'Dispatched'
                GROUP BY p.ActorId, p.ActorRole
                """;
            AddPeriod(command, sql, period);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (result.TryGetValue((reader.GetString(0), reader.GetString(1)), out var counts))
                {
                    counts.Returned = reader.GetInt64(2);
                }
            }
        }

        return result;
    }

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

    public string Name { get; } = name;

    public long Valid { get; private set; }

    public long Returned { get; set; }

    public void Add(CaseAction action, long count, long onTime, long valid)
    {
        actions[action] = (count, onTime);
        Valid += valid;
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

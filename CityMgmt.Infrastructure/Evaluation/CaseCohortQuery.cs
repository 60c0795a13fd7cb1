using System.Data.Common;
using CityMgmt.Domain.Evaluation;

namespace CityMgmt.Infrastructure.Evaluation;

/// <summary>
/// Counts of departments and regions. The cohort is the cases filed (立案) in the period, read from the case history;
/// what became of each case by the end of the period (disposal, closing, rework, extension, cancellation) is read
/// from its history lines too. Each case counts for its department, street, community and grid.
/// </summary>
internal static class CaseCohortQuery
{
    public static async Task<CohortCounts> RunAsync(DbConnection connection, HistorySql sql, EvaluationPeriod period, CancellationToken ct)
    {
        var counts = new CohortCounts();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            WITH cohort AS (SELECT DISTINCT CaseId FROM CaseHistory WHERE Action = 'Filed' AND At >= @start AND At < @end),
            outcome AS (
              SELECT h.CaseId,
                MIN(CASE WHEN h.Action = 'DisposalReported' THEN h.At END) AS DisposedAt,
                MIN(CASE WHEN h.Action = 'Closed' THEN h.At END) AS ClosedAt,
                SUM(CASE WHEN h.Action = 'CheckFailed' THEN 1 ELSE 0 END) AS Reworks,
                SUM(CASE WHEN h.Action = 'Extended' THEN 1 ELSE 0 END) AS Extensions,
                MAX(CASE WHEN h.Action = 'Cancelled' THEN 1 ELSE 0 END) AS Cancelled,
                MAX(CASE WHEN h.Action = 'Verified' THEN 1 ELSE 0 END) AS Verified
              FROM CaseHistory h JOIN cohort ON cohort.CaseId = h.CaseId
              WHERE h.At < @end
              GROUP BY h.CaseId)
            SELECT c.DepartmentId, c.StreetId, c.CommunityId, c.GridId, c.Source, c.DisposalDeadline,
              o.DisposedAt, o.ClosedAt, o.Reworks, o.Extensions, o.Cancelled, o.Verified
            FROM outcome o JOIN Cases c ON c.Id = o.CaseId
            """;
        StaffCountQuery.AddPeriod(command, sql, period);
        var end = period.EndsBefore;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var deadline = HistorySql.ReadInstant(reader, 5);
            var disposed = HistorySql.ReadInstant(reader, 6);
            var closed = HistorySql.ReadInstant(reader, 7);
            var source = reader.GetString(4);
            var outcome = new CaseOutcome(
                Cancelled: reader.GetInt64(10) > 0,
                Disposed: disposed is not null,
                DisposedOnTime: disposed is { } d && (deadline is null || d <= deadline),
                Closed: closed is not null,
                ClosedOnTime: closed is { } c && (deadline is null || c <= deadline),
                OverduePending: disposed is null && deadline is { } dl && dl < end,
                Reworks: reader.GetInt64(8),
                Extensions: reader.GetInt64(9),
                PublicVerified: reader.GetInt64(11) > 0 && source is not ("SupervisorReport" or "SelfHandled"));
            counts.Add(HistorySql.ReadGuid(reader, 0), HistorySql.ReadGuid(reader, 1), HistorySql.ReadGuid(reader, 2), HistorySql.ReadGuid(reader, 3), outcome);
        }

        return counts;
    }
}

internal readonly record struct CaseOutcome(
    bool Cancelled, bool Disposed, bool DisposedOnTime, bool Closed, bool ClosedOnTime, bool OverduePending, long Reworks, long Extensions, bool PublicVerified);

/// <summary>Running totals per department and region of the cohort.</summary>
internal sealed class CohortCounts
{
    public long Cases { get; private set; }

    public Dictionary<Guid, Tally> Departments { get; } = [];

    public Dictionary<Guid, Tally> Streets { get; } = [];

    public Dictionary<Guid, Tally> Communities { get; } = [];

    public Dictionary<Guid, Tally> Grids { get; } = [];

    public Tally County { get; } = new();

    public void Add(Guid? department, Guid? street, Guid? community, Guid? grid, CaseOutcome outcome)
    {
        Cases++;
        County.Add(outcome);
        Add(Departments, department, outcome);
        Add(Streets, street, outcome);
        Add(Communities, community, outcome);
        Add(Grids, grid, outcome);
    }

    private static void Add(Dictionary<Guid, Tally> tallies, Guid? id, CaseOutcome outcome)
    {
        if (id is { } key)
        {
            if (!tallies.TryGetValue(key, out var tally))
            {
                tallies[key] = tally = new Tally();
            }

            tally.Add(outcome);
        }
    }
}

/// <summary>The counts of one department or region.</summary>
internal sealed class Tally
{
    private long filed, due, disposed, disposedOnTime, closed, closedOnTime, overduePending, reworks, extensions, publicVerified;

    public void Add(CaseOutcome o)
    {
        filed++;
        if (o.Cancelled)
        {
            return;
        }

        due++;
        disposed += o.Disposed ? 1 : 0;
        disposedOnTime += o.DisposedOnTime ? 1 : 0;
        closed += o.Closed ? 1 : 0;
        closedOnTime += o.ClosedOnTime ? 1 : 0;
        overduePending += o.OverduePending ? 1 : 0;
        reworks += o.Reworks;
        extensions += o.Extensions;
        publicVerified += o.PublicVerified ? 1 : 0;
    }

    public CountSet ToCounts() => CountSet.Of(
        (CountKey.Filed, filed),
        (CountKey.Cancelled, filed - due),
        (CountKey.DisposalsDue, due),
        (CountKey.Disposed, disposed),
        (CountKey.DisposedOnTime, disposedOnTime),
        (CountKey.DisposedOverdue, disposed - disposedOnTime),
        (CountKey.OverduePending, overduePending),
        (CountKey.ClosuresDue, due),
        (CountKey.Closed, closed),
        (CountKey.ClosedOnTime, closedOnTime),
        (CountKey.ClosedWithinDeadline, closedOnTime),
        (CountKey.Reworked, reworks),
        (CountKey.Extended, extensions),
        (CountKey.PublicReportsVerified, publicVerified));
}

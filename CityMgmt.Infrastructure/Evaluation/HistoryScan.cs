using System.Data.Common;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Cases;

namespace CityMgmt.Infrastructure.Evaluation;

/// <summary>How the single pass finds the period's lines.</summary>
internal enum ScanPlan
{
    /// <summary>Seek the cases with a line in the period (IX_CaseHistory_At_CaseId), then each case's lines, and the
    /// case row of each 立案 of the period. Best when the period holds a small part of the history.</summary>
    Seek,

    /// <summary>SQLite: read the whole history index in case order, and the 立案 cases' columns from IX_Cases_Facts in
    /// the same order beside it (a merge, no lookups). Best when the period holds a large part of the history.</summary>
    Sequential,
}

/// <summary>
/// Reads the history once for a period: every line of every case that has a line in the period, in case and sequence
/// order, from covering indexes, so the history rows themselves are never visited and a case's columns only once, for
/// a case filed in the period. Each case's lines are then counted in memory: the posts' counts
/// (<see cref="StaffCounts"/>) and, for cases filed in the period, the department and region counts
/// (<see cref="CohortCounts"/>). One sequential pass replaces self-joins and per-line lookups (ADR 0011).
/// </summary>
internal static partial class HistoryScan
{
    /// <summary>Sequential when the period holds at least this share of all lines: reading a line in order costs about a
    /// tenth of seeking it (measured on the benchmark database), so a quarter leaves a margin.</summary>
    private const double SequentialShare = 0.25;

    private static readonly CaseAction[] Actions = Enum.GetValues<CaseAction>();
    private static readonly string[] Roles = [.. StaffRole.All];

    public static async Task<PeriodTally> RunAsync(
        DbConnection connection, HistorySql sql, EvaluationPeriod period, StageLimitOptions limits,
        ScanPlan? plan = null, int partitions = 0, CancellationToken ct = default)
    {
        plan ??= await ChoosePlanAsync(connection, sql, period, ct);
        if (plan == ScanPlan.Sequential)
        {
            if (sql.IsSqlServer)
            {
                throw new NotSupportedException("The sequential plan reads SQLite's index order.");
            }

            return await SqliteSequentialScan.RunAsync(
                connection.ConnectionString, period, limits, partitions > 0 ? partitions : Math.Min(Environment.ProcessorCount, 4), ct);
        }

        // Action, role, "sent to 核实" and "立案 in the period" come back packed in one small number (CASE over our own
        // enum names): every column read costs a native call, and reading text is most of the cost per line. The
        // strings are read only when a line needs them. Lines come in (CaseId, Sequence) order; a case starts at 1.
        var packed = $"""
            ((({Numbered("h.Action", Actions.Select(a => a.ToString()))}) * 64 + ({Numbered("h.ActorRole", Roles)}) + 1) * 2
              + CASE WHEN h.ToStatus = 'PendingVerification' THEN 1 ELSE 0 END) * 2
              + CASE WHEN h.Action = 'Filed' AND h.At >= @start AND h.At < @end THEN 1 ELSE 0 END
            """;
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT h.Sequence, h.At, {packed}, h.ActorRole, h.ActorId, h.ActorName,
              c.DepartmentId, c.StreetId, c.CommunityId, c.GridId, c.Source, c.DisposalDeadline
            FROM CaseHistory h
            LEFT JOIN Cases c ON c.Id = h.CaseId AND h.Action = 'Filed' AND h.At >= @start AND h.At < @end
            WHERE h.CaseId IN (SELECT CaseId FROM CaseHistory WHERE At >= @start AND At < @end)
            ORDER BY h.CaseId, h.Sequence
            """;
        StaffCountQuery.AddPeriod(command, sql, period);

        var tally = new PeriodTally(period, limits);
        await using var reader = await command.ExecuteReaderAsync(ct);
        long previous = long.MaxValue;
        while (await reader.ReadAsync(ct))
        {
            var sequence = reader.GetInt64(0);
            if (sequence <= previous)
            {
                tally.EndCase();
                tally.BeginCase();
            }

            previous = sequence;
            var bits = reader.GetInt32(2);
            if ((bits & 1) == 1)
            {
                tally.Facts(ReadFacts(reader, 6));
            }

            var at = sql.ReadAt(reader, 1);
            var action = Actions[bits >> 8];
            if (!tally.NeedsActor(at, action))
            {
                tally.Line(new Line(at, action, string.Empty, string.Empty, string.Empty));
                continue;
            }

            var roleIndex = ((bits >> 2) & 63) - 1;
            var role = roleIndex >= 0 ? Roles[roleIndex] : reader.GetString(3);
            var actorId = reader.GetString(4);
            tally.Line(new Line(at, action, actorId, role, tally.Knows(actorId, role) ? string.Empty : reader.GetString(5), (bits & 2) == 2));
        }

        tally.EndCase();
        tally.Finish();
        return tally;
    }

    /// <summary>Sequential on SQLite when the period holds a large share of the lines. The share comes from the At
    /// index (a range count) and the highest rowid (the history is append-only, so it is the number of lines).</summary>
    internal static async Task<ScanPlan> ChoosePlanAsync(DbConnection connection, HistorySql sql, EvaluationPeriod period, CancellationToken ct)
    {
        if (sql.IsSqlServer)
        {
            return ScanPlan.Seek;
        }

        // The count stops at the share it needs to reach: a dense period costs a quarter of the index, not all of it.
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*) FROM (SELECT 1 FROM CaseHistory WHERE At >= @start AND At < @end
              LIMIT (SELECT CAST(COALESCE(MAX(rowid), 0) * @share AS INTEGER) + 1 FROM CaseHistory))
            """;
        StaffCountQuery.AddPeriod(command, sql, period);
        HistorySql.Add(command, "@share", SequentialShare);
        var inPeriod = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = "SELECT COALESCE(MAX(rowid), 0) FROM CaseHistory";
        var all = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return inPeriod > 0 && inPeriod >= all * SequentialShare ? ScanPlan.Sequential : ScanPlan.Seek;
    }

    private static CaseFacts ReadFacts(DbDataReader reader, int first) => new(
        HistorySql.ReadGuid(reader, first), HistorySql.ReadGuid(reader, first + 1), HistorySql.ReadGuid(reader, first + 2),
        HistorySql.ReadGuid(reader, first + 3), reader.GetString(first + 4), HistorySql.ReadInstant(reader, first + 5));

    /// <summary>CASE column WHEN 'name' THEN index … ELSE -1 END, over names of our own (enum members, role names).</summary>
    private static string Numbered(string column, IEnumerable<string> names) =>
        $"CASE {column} {string.Join(' ', names.Select((n, i) => $"WHEN '{n}' THEN {i}"))} ELSE -1 END";
}

using System.Data.Common;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Cases;

namespace CityMgmt.Infrastructure.Evaluation;

/// <summary>
/// Reads the history once for a period: every line of every case that has a line in the period, in case and sequence
/// order, from covering indexes (IX_CaseHistory_At_CaseId finds the cases, IX_CaseHistory_Scan holds the lines), so the
/// history rows themselves are never visited and a case row only once, for a case filed in the period. Each case's lines are then counted in memory: the posts' counts
/// (<see cref="StaffCounts"/>) and, for cases filed in the period, the department and region counts
/// (<see cref="CohortCounts"/>). One sequential pass replaces self-joins and per-line lookups (ADR 0011).
/// </summary>
internal static class HistoryScan
{
    private static readonly CaseAction[] Actions = Enum.GetValues<CaseAction>();
    private static readonly string[] Roles = [.. StaffRole.All];

    public static async Task<PeriodTally> RunAsync(
        DbConnection connection, HistorySql sql, EvaluationPeriod period, StageLimitOptions limits, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();

        // Action and role come back as small numbers (CASE over our own enum names) and the strings only when a line
        // needs them: reading text is most of the cost per line. The case's own columns are looked up once per case,
        // on its 立案 line of the period (the cohort). Lines come in (CaseId, Sequence) order; a case starts at 1.
        command.CommandText = $"""
            SELECT h.Sequence, h.At, {Numbered("h.Action", Actions.Select(a => a.ToString()))}, {Numbered("h.ActorRole", Roles)}, h.ActorRole, h.ActorId, h.ActorName,
              CASE WHEN h.ToStatus = 'PendingVerification' THEN 1 ELSE 0 END, c.Id, c.DepartmentId, c.StreetId, c.CommunityId, c.GridId, c.Source, c.DisposalDeadline
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
            if (!reader.IsDBNull(8))
            {
                tally.Facts(new CaseFacts(
                    HistorySql.ReadGuid(reader, 9), HistorySql.ReadGuid(reader, 10), HistorySql.ReadGuid(reader, 11), HistorySql.ReadGuid(reader, 12),
                    reader.GetString(13), HistorySql.ReadInstant(reader, 14)));
            }

            var at = sql.ReadAt(reader, 1);
            var action = Actions[reader.GetInt32(2)];
            if (!tally.NeedsActor(at, action))
            {
                tally.Line(new Line(at, action, string.Empty, string.Empty, string.Empty));
                continue;
            }

            var roleIndex = reader.GetInt32(3);
            var role = roleIndex >= 0 ? Roles[roleIndex] : reader.GetString(4);
            var actorId = reader.GetString(5);
            tally.Line(new Line(at, action, actorId, role, tally.Knows(actorId, role) ? string.Empty : reader.GetString(6), reader.GetInt32(7) == 1));
        }

        tally.EndCase();
        tally.Finish();
        return tally;
    }

    /// <summary>CASE column WHEN 'name' THEN index … ELSE -1 END, over names of our own (enum members, role names).</summary>
    private static string Numbered(string column, IEnumerable<string> names) =>
        $"CASE {column} {string.Join(' ', names.Select((n, i) => $"WHEN '{n}' THEN {i}"))} ELSE -1 END";

    /// <summary>One history line; <paramref name="ToVerification"/>: a 受理 that sent the case to 核实 (待核实).</summary>
    internal readonly record struct Line(DateTimeOffset At, CaseAction Action, string ActorId, string Role, string ActorName, bool ToVerification = false);

    internal sealed record CaseFacts(Guid? Department, Guid? Street, Guid? Community, Guid? Grid, string Source, DateTimeOffset? DisposalDeadline);

    /// <summary>The counting rules, case by case; kept apart from the reader so fixtures can feed it lines.</summary>
    internal sealed class PeriodTally(EvaluationPeriod period, StageLimitOptions limits)
    {
        private readonly List<Line> lines = [];
        private readonly HashSet<CaseAction> counted = [.. StaffCountQuery.Counted];
        private readonly Dictionary<(string ActorId, string Role), long> returned = [];
        private CaseFacts? facts;

        public Dictionary<(string ActorId, string Role), StaffCounts> Staff { get; } = [];

        /// <summary>受理员 核实派发: 受理 lines of the period that sent the case to 核实, and how many within the 核实 limit.</summary>
        public Dictionary<(string ActorId, string Role), (long Sent, long OnTime)> VerificationSends { get; } = [];

        public CohortCounts Cohort { get; } = new();

        public void BeginCase()
        {
            facts = null;
            lines.Clear();
        }

        /// <summary>The case's columns; given only for a case filed in the period.</summary>
        public void Facts(CaseFacts caseFacts) => facts ??= caseFacts;

        public void Line(Line line) => lines.Add(line);

        /// <summary>Whether the line's actor is counted: a counted step of the period, or a 派遣 a 回退 may follow.</summary>
        public bool NeedsActor(DateTimeOffset at, CaseAction action) =>
            action == CaseAction.Dispatched || (counted.Contains(action) && at >= period.StartsAt && at < period.EndsBefore);

        /// <summary>Whether the post is already counted, so its name need not be read again.</summary>
        public bool Knows(string actorId, string role) => Staff.ContainsKey((actorId, role));

        public void EndCase()
        {
            if (lines.Count == 0)
            {
                return;
            }

            CountStaff();
            if (facts is not null)
            {
                CountCohort(facts);
            }

            lines.Clear();
        }

        /// <summary>Returns count only for dispatchers who are evaluated in the period (they have counted lines in it).</summary>
        public void Finish()
        {
            foreach (var (key, count) in returned)
            {
                if (Staff.TryGetValue(key, out var dispatcher))
                {
                    dispatcher.Returned = count;
                }
            }
        }

        private bool InPeriod(Line line) => line.At >= period.StartsAt && line.At < period.EndsBefore;

        private void CountStaff()
        {
            var filed = lines.Exists(l => l.Action == CaseAction.Filed);
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (!InPeriod(line))
                {
                    continue;
                }

                if (line is { Action: CaseAction.Registered, ToVerification: true })
                {
                    var (sent, onTimeSends) = VerificationSends.GetValueOrDefault((line.ActorId, line.Role));
                    var sentOnTime = i > 0 && line.At - lines[i - 1].At <= limits.Verification;
                    VerificationSends[(line.ActorId, line.Role)] = (sent + 1, onTimeSends + (sentOnTime ? 1 : 0));
                }

                if (counted.Contains(line.Action))
                {
                    var onTime = i > 0 && line.At - lines[i - 1].At <= Limit(line.Action);
                    var valid = line.Action == CaseAction.Reported && filed;
                    For(line.ActorId, line.Role, line.ActorName).Add(line.Action, 1, onTime ? 1 : 0, valid ? 1 : 0);
                }

                // 返工 of a dispatcher: the department returned the case right after his dispatch (wrong department).
                if (line.Action == CaseAction.Returned && i > 0 && lines[i - 1].Action == CaseAction.Dispatched)
                {
                    var key = (lines[i - 1].ActorId, lines[i - 1].Role);
                    returned[key] = returned.GetValueOrDefault(key) + 1;
                }
            }
        }

        private StaffCounts For(string actorId, string role, string name)
        {
            if (!Staff.TryGetValue((actorId, role), out var counts))
            {
                Staff[(actorId, role)] = counts = new StaffCounts(name);
            }
            else if (counts.Name.Length == 0)
            {
                counts.Name = name;
            }

            return counts;
        }

        private TimeSpan Limit(CaseAction action) => action switch
        {
            CaseAction.Verified => limits.Verification,
            CaseAction.CheckPassed or CaseAction.CheckFailed => limits.Check,
            CaseAction.Filed => limits.FilingNormal,
            CaseAction.Closed => limits.Close,
            _ => limits.DispatchNormal,
        };

        private void CountCohort(CaseFacts caseFacts)
        {
            DateTimeOffset? disposed = null, closed = null;
            long reworks = 0, extensions = 0;
            bool cancelled = false, verified = false;
            foreach (var line in lines.Where(l => l.At < period.EndsBefore))
            {
                switch (line.Action)
                {
                    case CaseAction.DisposalReported when disposed is null || line.At < disposed:
                        disposed = line.At;
                        break;
                    case CaseAction.Closed when closed is null || line.At < closed:
                        closed = line.At;
                        break;
                    case CaseAction.CheckFailed:
                        reworks++;
                        break;
                    case CaseAction.Extended:
                        extensions++;
                        break;
                    case CaseAction.Cancelled:
                        cancelled = true;
                        break;
                    case CaseAction.Verified:
                        verified = true;
                        break;
                }
            }

            var deadline = caseFacts.DisposalDeadline;
            var outcome = new CaseOutcome(
                Cancelled: cancelled,
                Disposed: disposed is not null,
                DisposedOnTime: disposed is { } d && (deadline is null || d <= deadline),
                Closed: closed is not null,
                ClosedOnTime: closed is { } c && (deadline is null || c <= deadline),
                OverduePending: disposed is null && deadline is { } dl && dl < period.EndsBefore,
                Reworks: reworks,
                Extensions: extensions,
                PublicVerified: verified && caseFacts.Source is not ("SupervisorReport" or "SelfHandled"));
            Cohort.Add(caseFacts.Department, caseFacts.Street, caseFacts.Community, caseFacts.Grid, outcome);
        }
    }
}

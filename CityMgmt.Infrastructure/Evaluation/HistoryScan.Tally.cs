using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Evaluation;
using CityMgmt.Infrastructure.Cases;

namespace CityMgmt.Infrastructure.Evaluation;

/// <summary>The counting rules of the single pass, case by case (see <see cref="HistoryScan"/>).</summary>
internal static partial class HistoryScan
{
    /// <summary>One history line; <paramref name="ToVerification"/>: a 受理 that sent the case to 核实 (待核实).</summary>
    internal readonly record struct Line(DateTimeOffset At, CaseAction Action, string ActorId, string Role, string ActorName, bool ToVerification = false);

    internal sealed record CaseFacts(Guid? Department, Guid? Street, Guid? Community, Guid? Grid, string Source, DateTimeOffset? DisposalDeadline);

    /// <summary>The counting rules, case by case; kept apart from the reader so fixtures can feed it lines.</summary>
    internal sealed class PeriodTally(EvaluationPeriod period, StageLimitOptions limits)
    {
        // The period's bounds are computed properties (a time-zone conversion each): read once, compared per line.
        private readonly DateTimeOffset startsAt = period.StartsAt, endsBefore = period.EndsBefore;
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
            at < endsBefore && (action == CaseAction.Dispatched || (counted.Contains(action) && at >= startsAt));

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

        /// <summary>Adds the counts of a tally of other cases of the same period (a partition of the scan), before <see cref="Finish"/>.</summary>
        public void Merge(PeriodTally other)
        {
            foreach (var (key, counts) in other.Staff)
            {
                For(key.ActorId, key.Role, counts.Name).Add(counts);
            }

            foreach (var (key, (sent, onTime)) in other.VerificationSends)
            {
                var (mySent, myOnTime) = VerificationSends.GetValueOrDefault(key);
                VerificationSends[key] = (mySent + sent, myOnTime + onTime);
            }

            foreach (var (key, count) in other.returned)
            {
                returned[key] = returned.GetValueOrDefault(key) + count;
            }

            Cohort.Add(other.Cohort);
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

        private bool InPeriod(Line line) => line.At >= startsAt && line.At < endsBefore;

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
            foreach (var line in lines.Where(l => l.At < endsBefore))
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
                OverduePending: disposed is null && deadline is { } dl && dl < endsBefore,
                Reworks: reworks,
                Extensions: extensions,
                PublicVerified: verified && caseFacts.Source is not ("SupervisorReport" or "SelfHandled"));
            Cohort.Add(caseFacts.Department, caseFacts.Street, caseFacts.Community, caseFacts.Grid, outcome);
        }
    }
}

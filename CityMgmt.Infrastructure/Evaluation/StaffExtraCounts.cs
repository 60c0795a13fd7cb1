using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Evaluation;

/// <summary>
/// Adds the counts of <see cref="GridResponsibilityQuery"/> to the post subjects: 漏报数 and 立案数 of supervisors
/// (also those who wrote nothing in the period but whose grids had cases), 核实派发数 of operators.
/// </summary>
internal sealed class StaffExtraCounts
{
    private readonly Dictionary<string, (long Filed, long Missed)> supervisors;
    private readonly Dictionary<(string ActorId, string Role), (long Sent, long OnTime)> sends;
    private readonly Dictionary<string, string> names;

    private StaffExtraCounts(
        Dictionary<string, (long, long)> supervisors, Dictionary<(string, string), (long, long)> sends, Dictionary<string, string> names) =>
        (this.supervisors, this.sends, this.names) = (supervisors, sends, names);

    public static async Task<StaffExtraCounts> LoadAsync(
        CityDbContext db, CohortCounts cohort, Dictionary<(string ActorId, string Role), (long Sent, long OnTime)> sends, CancellationToken ct)
    {
        var supervisors = await GridResponsibilityQuery.SupervisorsAsync(db, cohort, ct);
        var ids = supervisors.Keys.ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return new StaffExtraCounts(supervisors, sends, names);
    }

    /// <summary>The counts of a post subject with the extra counts of its person and type added.</summary>
    public CountSet For(string actorId, string role, EvaluationObjectType type, CountSet counts) => type switch
    {
        EvaluationObjectType.Supervisor when supervisors.TryGetValue(actorId, out var grid) =>
            counts.With(CountKey.Filed, grid.Filed).With(CountKey.Missed, grid.Missed),
        EvaluationObjectType.Operator when sends.TryGetValue((actorId, role), out var sent) =>
            counts.With(CountKey.VerificationsSent, sent.Sent).With(CountKey.VerificationsSentOnTime, sent.OnTime),
        _ => counts,
    };

    /// <summary>Supervisors responsible for grids with cases who wrote no line of their own in the period.</summary>
    public IEnumerable<EvaluationSubject> SupervisorsWithoutLines(IReadOnlySet<string> seen) =>
        supervisors.Where(s => !seen.Contains(s.Key) && names.ContainsKey(s.Key))
            .Select(s => new EvaluationSubject(s.Key, names[s.Key], EvaluationObjectType.Supervisor,
                CountSet.Of((CountKey.Filed, s.Value.Filed), (CountKey.Missed, s.Value.Missed))));

    public static bool IsSupervisor(string role) => role == StaffRole.Supervisor;
}

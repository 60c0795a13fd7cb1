using CityMgmt.Domain.Evaluation;

namespace CityMgmt.Infrastructure.Evaluation;

/// <summary>
/// What became of one case of the cohort by the end of the period. The cohort is the cases filed (立案) in the period;
/// disposal, closing, rework, extension and cancellation are read from its history lines (<see cref="HistoryScan"/>).
/// Each case counts for its department, street, community and grid.
/// </summary>
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

    /// <summary>Adds the totals of other cases of the same period (a partition of the scan).</summary>
    public void Add(CohortCounts other)
    {
        Cases += other.Cases;
        County.Add(other.County);
        foreach (var (mine, theirs) in new[] { (Departments, other.Departments), (Streets, other.Streets), (Communities, other.Communities), (Grids, other.Grids) })
        {
            foreach (var (id, tally) in theirs)
            {
                if (!mine.TryGetValue(id, out var sum))
                {
                    mine[id] = sum = new Tally();
                }

                sum.Add(tally);
            }
        }
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

    public void Add(Tally other)
    {
        filed += other.filed;
        due += other.due;
        disposed += other.disposed;
        disposedOnTime += other.disposedOnTime;
        closed += other.closed;
        closedOnTime += other.closedOnTime;
        overduePending += other.overduePending;
        reworks += other.reworks;
        extensions += other.extensions;
        publicVerified += other.publicVerified;
    }

    public long Filed => filed;

    /// <summary>Public reports confirmed by 核实 and not cancelled: for a grid, the problems its supervisor missed.</summary>
    public long PublicVerified => publicVerified;

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

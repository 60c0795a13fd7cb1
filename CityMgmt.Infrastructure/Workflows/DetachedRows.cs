namespace CityMgmt.Infrastructure.Workflows;

/// <summary>A row read outside EF's change tracker, with the store values it was read with (ADR 0017).</summary>
internal sealed record DetachedRow(object Entity, RowShape Shape, object?[] Read);

/// <summary>
/// A step's unit of work on SQLite kept outside EF's change tracker (ADR 0017): the rows it read, whose changes
/// <see cref="StepRowWriter"/> finds by comparing with the values read, and the rows it added.
/// </summary>
internal sealed class DetachedRows(IEnumerable<DetachedRow> read)
{
    public List<DetachedRow> Read { get; } = [.. read];

    public List<object> Added { get; } = [];

    /// <summary>Adds a new row to the step's unit of work: to <paramref name="detached"/> when there is one, else to EF's tracker.</summary>
    public static void Add(Persistence.CityDbContext db, DetachedRows? detached, object row)
    {
        if (detached is null)
        {
            db.Add(row);
        }
        else
        {
            detached.Added.Add(row);
        }
    }
}

using CityMgmt.Domain.Components;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Persistence.Converters;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CityMgmt.Infrastructure.Geo.VectorTiles;

/// <summary>
/// What component tiles need of every component, in memory and sorted by west edge. Reading 4,000 scattered rows per
/// dense tile from the table costs far more than the 30 ms budget (each index hit is a random row lookup), so the rows
/// are read once, sequentially, per <see cref="TileCache"/> generation — the same life cycle as the cached tiles.
/// </summary>
public sealed class ComponentSnapshot
{
    private readonly Entry[] _entries;
    private readonly double[] _west;

    private ComponentSnapshot(Entry[] entries, double widest)
    {
        _entries = entries;
        _west = [.. entries.Select(e => e.MinX)];
        Widest = widest;
    }

    public int Count => _entries.Length;

    /// <summary>The widest component's east-west extent in degrees.</summary>
    public double Widest { get; }

    public static async Task<ComponentSnapshot> LoadAsync(CityDbContext db, CancellationToken ct)
    {
        var classes = await db.Categories.AsNoTracking().Where(c => c.MinorCode != null)
            .ToDictionaryAsync(c => c.Id, c => new ComponentClass(c.MajorCode, c.MajorCode + c.MinorCode), ct);
        var owners = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var states = Enum.GetValues<ComponentState>().ToDictionary(s => s.ToString(), StringComparer.Ordinal);
        var unknown = new ComponentClass("00", "0000");

        // 170,000 rows: a plain reader over the mapped names skips per-row value-object validation (the codes were
        // validated when written), which is most of the cost of a materialising query here.
        var table = db.Model.FindEntityType(typeof(CityComponent))!;
        string Column(string property) => table.FindProperty(property)!.GetColumnName();
        var (minX, minY, maxX, maxY) = (Column(nameof(CityComponent.MinX)), Column(nameof(CityComponent.MinY)), Column(nameof(CityComponent.MaxX)), Column(nameof(CityComponent.MaxY)));
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {Column(nameof(CityComponent.Code))}, {Column(nameof(CityComponent.CategoryId))}, {Column(nameof(CityComponent.State))}, " +
            $"{Column(nameof(CityComponent.OwnerDepartmentId))}, {minX}, {minY}, {maxX}, {maxY}, " +
            $"CASE WHEN {minX} = {maxX} AND {minY} = {maxY} THEN NULL ELSE {Column(nameof(CityComponent.Shape))} END FROM {table.GetTableName()}";
        var entries = new List<Entry>(capacity: 4096);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var shape = reader.IsDBNull(8) ? null : GeometryWkbConverter.Read(reader.GetFieldValue<byte[]>(8));
                entries.Add(new Entry(
                    reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7), reader.GetString(0),
                    classes.GetValueOrDefault(reader.GetGuid(1), unknown), states.GetValueOrDefault(reader.GetString(2)),
                    owners.GetValueOrDefault(reader.GetGuid(3), string.Empty), shape));
            }
        }

        var sorted = entries.OrderBy(e => e.MinX).ToArray();
        return new ComponentSnapshot(sorted, sorted.Length == 0 ? 0 : sorted.Max(e => e.MaxX - e.MinX));
    }

    /// <summary>Components whose box intersects <paramref name="box"/>.</summary>
    public List<Entry> Within(Envelope box)
    {
        var found = new List<Entry>();
        var start = Array.BinarySearch(_west, box.MinX - Widest);
        for (var i = start < 0 ? ~start : start; i < _entries.Length && _west[i] <= box.MaxX; i++)
        {
            var e = _entries[i];
            if (e.MaxX >= box.MinX && e.MinY <= box.MaxY && e.MaxY >= box.MinY)
            {
                found.Add(e);
            }
        }

        return found;
    }

    /// <summary>Major class ("01") and full minor class code ("0101"), shared by every component of the class.</summary>
    public sealed record ComponentClass(string Major, string Code);

    /// <summary>One component; <see cref="Shape"/> is null for points (their box is the point).</summary>
    public sealed record Entry(
        double MinX, double MinY, double MaxX, double MaxY, string Code, ComponentClass Class, ComponentState State, string Department, Geometry? Shape);
}

using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Components;
using CityMgmt.Domain.Divisions;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Geo.VectorTiles;

/// <summary>
/// Renders one layer of one tile: rows pre-filtered in the database by the bounding-box columns, clipped exactly in
/// process, written straight into the tile. Symbols near a tile edge spill into the neighbour, so every tile reads a
/// small pixel buffer around itself.
/// </summary>
public sealed class TileFeatureSource(IDbContextFactory<CityDbContext> factory, TileCache cache, TimeProvider clock)
{
    /// <summary>Buffer in 256-pixel tile pixels: wider than the largest symbol's radius.</summary>
    public const double BufferPixels = 10;

    /// <summary>Below full zoom, one component per major class and cell of this many pixels is kept.</summary>
    public const int ThinningCellPixels = 4;

    private static readonly CaseStatus[] OpenStatuses = [.. CaseStatusNames.Open];
    private static readonly string[] StateNames = Enum.GetNames<ComponentState>();

    public async Task<byte[]> GridsAsync(TileAddress tile, CancellationToken ct)
    {
        var clip = new TileClipper(tile.Bounds(BufferPixels));
        var box = clip.Box;
        await using var db = factory.CreateDbContext();
        var rows = await db.Grids.AsNoTracking()
            .Where(g => g.MaxX >= box.MinX && g.MinX <= box.MaxX && g.MaxY >= box.MinY && g.MinY <= box.MaxY)
            .Select(g => new { g.Code, g.Name, g.Shape })
            .ToListAsync(ct);
        var layer = new MvtLayerBuilder(MapLayers.Grids, tile);
        foreach (var row in rows)
        {
            if (clip.Clip(row.Shape) is { } shape)
            {
                // Where the whole grid's label goes, in this tile's units (may lie outside it): every tile the label
                // overlaps draws its part at the same spot, so labels are neither cut nor repeated.
                var (lx, ly) = layer.ToTile(row.Shape!.Centroid.X, row.Shape.Centroid.Y);
                layer.TagUnique("code", row.Code.Value);
                layer.TagUnique("name", row.Name);
                layer.Tag("lx", lx);
                layer.Tag("ly", ly);
                layer.Geometry(shape);
                layer.Commit();
            }
        }

        return layer.ToTile();
    }

    public async Task<byte[]> DivisionsAsync(TileAddress tile, DivisionLevel level, string layerName, CancellationToken ct)
    {
        var clip = new TileClipper(tile.Bounds(BufferPixels));
        var box = clip.Box;
        await using var db = factory.CreateDbContext();
        var rows = await db.Divisions.AsNoTracking()
            .Where(d => d.Level == level && d.Shape != null)
            .Where(d => d.MaxX >= box.MinX && d.MinX <= box.MaxX && d.MaxY >= box.MinY && d.MinY <= box.MaxY)
            .Select(d => new { d.Code, d.Name, d.Shape })
            .ToListAsync(ct);
        var layer = new MvtLayerBuilder(layerName, tile);
        foreach (var row in rows)
        {
            if (clip.Clip(row.Shape) is { } shape)
            {
                layer.Tag("code", row.Code);
                layer.Tag("name", row.Name);
                layer.Geometry(shape);
                layer.Commit();
            }
        }

        return layer.ToTile();
    }

    /// <summary>Components with class, state and owner, from the in-memory <see cref="ComponentSnapshot"/>.</summary>
    public async Task<byte[]> ComponentsAsync(TileAddress tile, CancellationToken ct)
    {
        var clip = new TileClipper(tile.Bounds(BufferPixels));
        var snapshot = await cache.ComponentsAsync(async () =>
        {
            // Shared by concurrent requests: not cancelled with the one that happened to start it.
            await using var db = factory.CreateDbContext();
            return await ComponentSnapshot.LoadAsync(db, CancellationToken.None);
        }).WaitAsync(ct);
        var rows = snapshot.Within(clip.Box);
        if (tile.Z < MapLayers.ComponentsFullZoom)
        {
            rows = Thin(tile, rows);
        }

        var layer = new MvtLayerBuilder(MapLayers.Components, tile);
        foreach (var row in rows)
        {
            var shape = row.Shape is null ? null : clip.Clip(row.Shape);
            if (row.Shape is not null && shape is null)
            {
                continue;
            }

            layer.TagUnique("code", row.Code);
            layer.Tag("major", row.Class.Major);
            layer.Tag("cls", row.Class.Code);
            layer.Tag("state", StateNames[(int)row.State]);
            layer.Tag("dept", row.Department);
            if (shape is null)
            {
                layer.Point(row.MinX, row.MinY);
            }
            else
            {
                layer.Geometry(shape);
            }

            layer.Commit();
        }

        return layer.ToTile();
    }

    /// <summary>Open cases the user's data scope allows (never cached: scope and status differ per user and minute).</summary>
    public async Task<byte[]> CasesAsync(TileAddress tile, DataScope scope, CancellationToken ct)
    {
        var box = tile.Bounds(BufferPixels);
        await using var db = factory.CreateDbContext();
        var rows = await (from c in db.Cases.AsNoTracking().VisibleTo(scope)
                          where OpenStatuses.Contains(c.Status)
                                && c.Longitude >= box.MinX && c.Longitude <= box.MaxX && c.Latitude >= box.MinY && c.Latitude <= box.MaxY
                          join cat in db.Categories on c.CategoryId equals cat.Id
                          select new { c.Id, c.Number, c.Status, Category = cat.Name, c.Longitude, c.Latitude, c.DisposalDeadline })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var layer = new MvtLayerBuilder(MapLayers.Cases, tile);
        foreach (var row in rows)
        {
            layer.TagUnique("id", row.Id.ToString());
            layer.TagUnique("number", row.Number.Value);
            layer.Tag("status", row.Status.ToString());
            layer.Tag("category", row.Category);
            layer.Tag("overdue", row.DisposalDeadline is { } deadline && deadline < now);
            layer.Point(row.Longitude, row.Latitude);
            layer.Commit();
        }

        return layer.ToTile();
    }

    /// <summary>Keeps the lowest-coded component of each major class per small pixel cell: density stays visible, clutter does not.</summary>
    private static List<ComponentSnapshot.Entry> Thin(TileAddress tile, List<ComponentSnapshot.Entry> rows)
    {
        var kept = new Dictionary<(int, int, string), ComponentSnapshot.Entry>();
        foreach (var row in rows)
        {
            var (x, y) = tile.PixelOf((row.MinX + row.MaxX) / 2, (row.MinY + row.MaxY) / 2);
            var key = ((int)Math.Floor(x / ThinningCellPixels), (int)Math.Floor(y / ThinningCellPixels), row.Class.Major);
            if (!kept.TryGetValue(key, out var current) || string.CompareOrdinal(row.Code, current.Code) < 0)
            {
                kept[key] = row;
            }
        }

        return [.. kept.Values];
    }
}

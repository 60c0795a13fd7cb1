using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Components;
using CityMgmt.Domain.Divisions;
using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Grids;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;

namespace CityMgmt.Infrastructure.Geo.VectorTiles;

/// <summary>The small reads behind the map: initial view, grid lookup, what was clicked, a component's card. Case data is scoped.</summary>
public sealed class MapQueries(IDbContextFactory<CityDbContext> factory, TileCache cache, IOptions<MapOptions> options)
{
    public const int MaxCasesListed = 20;

    private static readonly CaseStatus[] OpenStatuses = [.. CaseStatusNames.Open];

    /// <summary>
    /// Configured centre/zoom, or the urban streets' grids (the county town, where most grids and components are); the
    /// county extent covers every grid. Without data: the demo county's town.
    /// </summary>
    public async Task<MapInitialView> InitialViewAsync(CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var county = await ExtentAsync(db.Grids.AsNoTracking(), ct) ?? new MapExtent(104.0, 30.5, 104.04, 30.53);
        var urban = from g in db.Grids.AsNoTracking()
                    join s in db.Divisions on g.StreetId equals s.Id
                    where !s.IsTownship
                    select g;
        var o = options.Value;
        return new MapInitialView(await ExtentAsync(urban, ct) ?? county, county, o.CenterLongitude, o.CenterLatitude, o.Zoom);
    }

    /// <summary>Grids whose code starts with, or whose name contains, <paramref name="text"/> (for the search box).</summary>
    public async Task<List<GridHit>> SearchGridsAsync(string? text, int take = 10, CancellationToken ct = default)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        await using var db = factory.CreateDbContext();
        var grids = from g in db.Grids.AsNoTracking()
                    join c in db.Divisions on g.CommunityId equals c.Id
                    select new { g.Code, g.Name, Community = c.Code };
        if (GridCode.Parse(text) is { IsSuccess: true } exact)
        {
            var code = exact.Value;
            grids = grids.Where(g => g.Code == code);
        }
        else if (DivisionCodes.IsAllDigits(text))
        {
            // Codes are value objects in the model: filter by the community's code in SQL, the last digits in memory.
            var prefix = text.Length > 12 ? text[..12] : text;
            grids = grids.Where(g => g.Community.StartsWith(prefix));
        }
        else
        {
            grids = grids.Where(g => g.Name.Contains(text));
        }

        var rows = await grids.OrderBy(g => g.Code).Take(take * 10).ToListAsync(ct);
        return [.. rows.Where(r => r.Code.Value.StartsWith(text, StringComparison.Ordinal) || !DivisionCodes.IsAllDigits(text))
            .Take(take).Select(r => new GridHit(r.Code.Value, r.Name))];
    }

    public async Task<GridOutline?> FindGridAsync(string? code, CancellationToken ct = default)
    {
        if (GridCode.Parse(code) is not { IsSuccess: true } parsed)
        {
            return null;
        }

        var value = parsed.Value;
        await using var db = factory.CreateDbContext();
        var row = await (from g in db.Grids.AsNoTracking()
                         where g.Code == value
                         join c in db.Divisions on g.CommunityId equals c.Id
                         select new { g.Id, g.Code, g.Name, Community = c.Name, g.Version, g.Shape, g.MinX, g.MinY, g.MaxX, g.MaxY })
            .FirstOrDefaultAsync(ct);
        if (row?.Shape is not Polygon polygon)
        {
            return null;
        }

        var ring = polygon.ExteriorRing.Coordinates.Select(c => new[] { c.X, c.Y }).ToList();
        return new GridOutline(row.Id, row.Code.Value, row.Name, row.Community, row.Version, new MapExtent(row.MinX, row.MinY, row.MaxX, row.MaxY), ring);
    }

    /// <summary>A component's attributes and the open cases about it that <paramref name="scope"/> may see.</summary>
    public async Task<ComponentDetail?> ComponentAsync(DataScope scope, Guid id, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var row = await (from c in db.Components.AsNoTracking()
                         where c.Id == id
                         join cat in db.Categories on c.CategoryId equals cat.Id
                         join d in db.OrgUnits on c.OwnerDepartmentId equals d.Id
                         join g in db.Grids on c.GridId equals g.Id into gs
                         from g in gs.DefaultIfEmpty()
                         select new
                         {
                             Component = c,
                             cat.MajorCode,
                             cat.MinorCode,
                             Category = cat.Name,
                             Major = db.Categories.Where(m => m.Kind == cat.Kind && m.MajorCode == cat.MajorCode && m.MinorCode == null).Select(m => m.Name).FirstOrDefault(),
                             Dept = d.Name,
                             Grid = g == null ? (GridCode?)null : g.Code,
                         })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var open = db.Cases.AsNoTracking().VisibleTo(scope).Where(x => x.ComponentId == id && OpenStatuses.Contains(x.Status));
        var count = await open.CountAsync(ct);
        var cases = await CaseRows(db, open.OrderByDescending(x => x.ReportedAt).Take(MaxCasesListed)).ToListAsync(ct);
        var item = row.Component;
        var centre = item.Shape is Point p ? p.Coordinate : item.Shape!.EnvelopeInternal.Centre;
        return new ComponentDetail(
            item.Id, item.Code.Value, item.Name, row.MajorCode + row.MinorCode, row.Category, row.Major ?? string.Empty, item.State, row.Dept,
            item.OwnershipUnit, item.MaintenanceUnit, row.Grid?.Value, item.InitialDate, item.ChangeDate, centre.X, centre.Y, item.Version, count, cases);
    }

    /// <summary>
    /// What lies under a click: the nearest component (of the shown major classes) and the nearest open case the scope
    /// allows, each within <paramref name="toleranceMetres"/>.
    /// </summary>
    public async Task<MapPick> PickAsync(
        DataScope scope, double longitude, double latitude, double toleranceMetres, IReadOnlyCollection<string>? majors = null, bool cases = true, CancellationToken ct = default)
    {
        var tolerance = Math.Clamp(toleranceMetres, 0.5, 500);
        var (mx, my) = MetresPerDegree(latitude);
        var (dx, dy) = (tolerance / mx, tolerance / my);
        var (minX, minY, maxX, maxY) = (longitude - dx, latitude - dy, longitude + dx, latitude + dy);
        await using var db = factory.CreateDbContext();
        var west = minX - await cache.ComponentSpanAsync(db, ct);
        var candidates = await (from c in db.Components.AsNoTracking()
                                where c.MinX >= west && c.MaxX >= minX && c.MinX <= maxX && c.MaxY >= minY && c.MinY <= maxY
                                join cat in db.Categories on c.CategoryId equals cat.Id
                                select new { c.Id, c.Code, c.Name, cat.MajorCode, c.Shape })
            .ToListAsync(ct);
        var here = GeoConstants.Factory.CreatePoint(new Coordinate(longitude, latitude));
        var component = candidates
            .Where(c => c.Shape is not null && (majors is null || majors.Contains(c.MajorCode)))
            .Select(c => new ComponentHit(c.Id, c.Code.Value, c.Name, Metres(c.Shape!, here, mx, my)))
            .Where(h => h.DistanceMetres <= tolerance)
            .OrderBy(h => h.DistanceMetres).ThenBy(h => h.Code, StringComparer.Ordinal)
            .FirstOrDefault();

        MapCaseRow? hitCase = null;
        if (cases)
        {
            var near = db.Cases.AsNoTracking().VisibleTo(scope)
                .Where(x => OpenStatuses.Contains(x.Status) && x.Longitude >= minX && x.Longitude <= maxX && x.Latitude >= minY && x.Latitude <= maxY);
            hitCase = (await CaseRows(db, near).ToListAsync(ct))
                .Select(r => (Row: r, Distance: Math.Sqrt(Math.Pow((r.Longitude - longitude) * mx, 2) + Math.Pow((r.Latitude - latitude) * my, 2))))
                .Where(x => x.Distance <= tolerance)
                .OrderBy(x => x.Distance)
                .Select(x => x.Row)
                .FirstOrDefault();
        }

        return new MapPick(longitude, latitude, component, hitCase);
    }

    private static async Task<MapExtent?> ExtentAsync(IQueryable<UnitGrid> grids, CancellationToken ct)
    {
        var box = await grids.GroupBy(_ => 1)
            .Select(g => new { MinX = g.Min(x => x.MinX), MinY = g.Min(x => x.MinY), MaxX = g.Max(x => x.MaxX), MaxY = g.Max(x => x.MaxY) })
            .FirstOrDefaultAsync(ct);
        return box is null ? null : new MapExtent(box.MinX, box.MinY, box.MaxX, box.MaxY);
    }

    /// <summary>Metres per degree of longitude and latitude near <paramref name="latitude"/> (accurate to well under 1% in a county).</summary>
    public static (double Lon, double Lat) MetresPerDegree(double latitude) =>
        (111_320 * Math.Cos(latitude * Math.PI / 180), 110_574);

    private static double Metres(Geometry shape, Point here, double mx, double my)
    {
        if (shape is Point p)
        {
            return Math.Sqrt(Math.Pow((p.X - here.X) * mx, 2) + Math.Pow((p.Y - here.Y) * my, 2));
        }

        return shape.Distance(here) * Math.Sqrt(mx * my);
    }

    private static IQueryable<MapCaseRow> CaseRows(CityDbContext db, IQueryable<CityCase> cases) =>
        from x in cases
        join cat in db.Categories on x.CategoryId equals cat.Id
        select new MapCaseRow(x.Id, x.Number.Value, x.Status, cat.Name, x.Address, x.ReportedAt, x.Longitude, x.Latitude);
}

public sealed record MapExtent(double MinX, double MinY, double MaxX, double MaxY);

public sealed record MapInitialView(MapExtent Extent, MapExtent CountyExtent, double? CenterLongitude, double? CenterLatitude, int? Zoom);

public sealed record GridHit(string Code, string Name);

public sealed record GridOutline(Guid Id, string Code, string Name, string Community, int Version, MapExtent Extent, IReadOnlyList<double[]> Ring);

public sealed record MapCaseRow(Guid Id, string Number, CaseStatus Status, string Category, string Address, DateTimeOffset ReportedAt, double Longitude, double Latitude);

public sealed record ComponentHit(Guid Id, string Code, string Name, double DistanceMetres);

public sealed record MapPick(double Longitude, double Latitude, ComponentHit? Component, MapCaseRow? Case);

public sealed record ComponentDetail(
    Guid Id, string Code, string Name, string CategoryCode, string CategoryName, string MajorName, ComponentState State,
    string OwnerDepartment, string? OwnershipUnit, string? MaintenanceUnit, string? GridCode, DateOnly InitialDate, DateOnly ChangeDate,
    double Longitude, double Latitude, int Version, int OpenCaseCount, IReadOnlyList<MapCaseRow> OpenCases);

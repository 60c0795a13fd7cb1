using System.Diagnostics;
using CityMgmt.Domain.Components;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Geo;

/// <summary>Reads what the geocoder needs (no tracking, only the columns used) and builds a <see cref="SpatialIndex"/>.</summary>
internal static class SpatialIndexLoader
{
    public static async Task<SpatialIndex> LoadAsync(CityDbContext db, DateOnly today, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var divisions = await db.Divisions.AsNoTracking()
            .Select(d => new DivisionRow(d.Id, d.Code, d.Name, d.Level, d.ParentId, d.Shape))
            .ToListAsync(ct);

        // Retired grids (终止日期 passed) no longer answer.
        var grids = (await db.Grids.AsNoTracking()
                .Select(g => new { g.Id, g.Code, g.CommunityId, g.StreetId, g.ResponsibilityGridId, g.Shape, g.EndDate })
                .ToListAsync(ct))
            .Where(g => g.Shape is not null && (g.EndDate is null || g.EndDate > today))
            .Select(g => new GridRow(g.Id, g.Code.Value, g.CommunityId, g.StreetId, g.ResponsibilityGridId, g.Shape!))
            .ToList();

        var supervisors = await db.ResponsibilityGrids.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.SupervisorUserId, ct);
        var subCentres = await db.OrgUnits.AsNoTracking()
            .Where(o => o.Kind == OrgUnitKind.SubCentre && o.IsActive && o.AreaDivisionId != null)
            .Select(o => new SubCentreRow(o.Id, o.Code, o.AreaDivisionId!.Value))
            .ToListAsync(ct);

        var components = await LoadComponentsAsync(db, ct);
        var gazetteer = await db.Gazetteer.AsNoTracking().ToListAsync(ct);
        var data = new SpatialData(divisions, grids, supervisors, subCentres, components, gazetteer);
        return new SpatialIndex(data, watch.Elapsed);
    }

    /// <summary>
    /// Point components come from their bounding box (no WKB to parse for 170,000 rows); lines and polygons
    /// (a few percent) from their geometry's centroid. Removed components (移除) are left out.
    /// </summary>
    private static async Task<List<ComponentRow>> LoadComponentsAsync(CityDbContext db, CancellationToken ct)
    {
        var live = db.Components.AsNoTracking().Where(c => c.State != ComponentState.Removed);
        var points = await live.Where(c => c.MinX == c.MaxX && c.MinY == c.MaxY)
            .Select(c => new { c.Id, c.Code, c.Name, c.CategoryId, c.OwnerDepartmentId, c.MinX, c.MinY })
            .ToListAsync(ct);
        var shapes = await live.Where(c => c.MinX != c.MaxX || c.MinY != c.MaxY)
            .Select(c => new { c.Id, c.Code, c.Name, c.CategoryId, c.OwnerDepartmentId, c.Shape })
            .ToListAsync(ct);

        var rows = new List<ComponentRow>(points.Count + shapes.Count);
        rows.AddRange(points.Select(c => new ComponentRow(c.Id, c.Code.Value, c.Name, c.CategoryId, c.OwnerDepartmentId, c.MinX, c.MinY)));
        foreach (var c in shapes.Where(c => c.Shape is not null))
        {
            var centre = c.Shape!.Centroid;
            rows.Add(new ComponentRow(c.Id, c.Code.Value, c.Name, c.CategoryId, c.OwnerDepartmentId, centre.X, centre.Y));
        }

        return rows;
    }
}

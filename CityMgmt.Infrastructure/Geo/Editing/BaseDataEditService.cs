using CityMgmt.Domain.Common;
using CityMgmt.Domain.Components;
using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Geocoding;
using CityMgmt.Domain.Grids;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Audit;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Geo.VectorTiles;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace CityMgmt.Infrastructure.Geo.Editing;

public sealed record GridReshaped(string Code, double AreaSquareMetres, int ReassignedComponents, bool Changed = true);

public sealed record ComponentMoved(string Code, string? GridCode);

/// <summary>
/// Administrators' map edits: reshape a unit grid, move a component. Every rule is checked before anything is written;
/// the change, its history (部件变更记录 / 操作日志) and the components' new grids commit together, then the tile and
/// geocoder caches are dropped.
/// </summary>
public sealed class BaseDataEditService(
    IDbContextFactory<CityDbContext> factory, AuditLog audit, TileCache tiles, IEnumerable<IGeocoder> geocoders, TimeProvider clock)
{
    public async Task<Result<GridReshaped>> ReshapeGridAsync(StaffContext actor, Guid gridId, IReadOnlyList<double[]> ring, CancellationToken ct = default)
    {
        if (actor.Require(StaffRole.Admin) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        await using var db = factory.CreateDbContext();
        var grid = await db.Grids.FirstOrDefaultAsync(g => g.Id == gridId, ct);
        if (grid?.Shape is null)
        {
            return EditErrors.GridNotFound;
        }

        var code = grid.Code.Value;
        var shaped = GridShapeRules.Polygon(code, ring);
        if (shaped.IsFailure)
        {
            return shaped.Error;
        }

        var community = await db.Divisions.AsNoTracking().Where(d => d.Id == grid.CommunityId).Select(d => new { d.Name, d.Shape }).FirstAsync(ct);
        if (community.Shape is null)
        {
            return EditErrors.CommunityWithoutBoundary;
        }

        var area = grid.Shape.EnvelopeInternal.Copy();
        area.ExpandToInclude(shaped.Value.EnvelopeInternal);
        area.ExpandBy(area.Width * 0.1, area.Height * 0.1);
        var neighbours = await db.Grids.AsNoTracking()
            .Where(g => g.Id != grid.Id && g.MaxX >= area.MinX && g.MinX <= area.MaxX && g.MaxY >= area.MinY && g.MinY <= area.MaxY)
            .OrderBy(g => g.Code)
            .ToListAsync(ct);
        var polygon = GridShapeRules.Snap(shaped.Value, [community.Shape, .. neighbours.Select(n => n.Shape!)]);
        var overhang = GridShapeRules.Overhang(polygon, community.Shape);
        if (overhang > GridShapeRules.ToleranceSquareMetres)
        {
            return EditErrors.OutsideCommunity(code, community.Name, overhang);
        }

        foreach (var other in neighbours.Where(n => n.Shape!.EnvelopeInternal.Intersects(polygon.EnvelopeInternal)))
        {
            var overlap = GridShapeRules.Overlap(polygon, other.Shape!);
            if (overlap > GridShapeRules.ToleranceSquareMetres)
            {
                return EditErrors.Overlaps(code, other.Code.Value, overlap);
            }
        }

        if (polygon.EqualsTopologically(grid.Shape))
        {
            return new GridReshaped(code, grid.AreaSquareMetres, 0, Changed: false);
        }

        var oldArea = grid.AreaSquareMetres;
        ShapeWrites.SetShape(db, grid, polygon);
        ShapeWrites.SetArea(db, grid, GridShapeRules.SquareMetres(polygon));
        var reassigned = await ReassignComponentsAsync(db, actor, grid, neighbours, area, ct);
        audit.Admin(db, actor, "编辑单元网格边界", code, $"面积 {oldArea:F1} → {grid.AreaSquareMetres:F1} 平方米，顶点 {polygon.NumPoints - 1} 个，重新归属部件 {reassigned} 个");
        var saved = await db.TrySaveAsync(EditErrors.Conflict, ct: ct);
        if (saved.IsFailure)
        {
            return saved.Error;
        }

        AfterSave();
        return new GridReshaped(code, grid.AreaSquareMetres, reassigned);
    }

    public async Task<Result<ComponentMoved>> MoveComponentAsync(StaffContext actor, Guid componentId, double longitude, double latitude, CancellationToken ct = default)
    {
        if (actor.Require(StaffRole.Admin) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        var target = GeoPoint.Create(longitude, latitude);
        if (target.IsFailure)
        {
            return target.Error;
        }

        await using var db = factory.CreateDbContext();
        var component = await db.Components.FirstOrDefaultAsync(c => c.Id == componentId, ct);
        if (component?.Shape is null)
        {
            return EditErrors.ComponentNotFound;
        }

        var moved = MoveTo(component.Shape, longitude, latitude);
        var envelope = moved.EnvelopeInternal;
        foreach (var corner in new[] { (envelope.MinX, envelope.MinY), (envelope.MaxX, envelope.MaxY) })
        {
            if (GeoPoint.Create(corner.Item1, corner.Item2) is { IsFailure: true } outside)
            {
                return outside.Error;
            }
        }

        var anchor = GeoConstants.Factory.CreatePoint(new Coordinate(longitude, latitude));
        var grid = (await db.Grids.AsNoTracking()
                .Where(g => g.MinX <= longitude && g.MaxX >= longitude && g.MinY <= latitude && g.MaxY >= latitude)
                .OrderBy(g => g.Code).ToListAsync(ct))
            .FirstOrDefault(g => g.Shape!.Covers(anchor));
        var oldGrid = component.GridId is { } oldId ? await db.Grids.Where(g => g.Id == oldId).Select(g => (GridCode?)g.Code).FirstOrDefaultAsync(ct) : null;
        var now = clock.GetUtcNow();
        var before = Describe(component.Shape, oldGrid?.Value);
        var after = Describe(moved, grid?.Code.Value);
        ShapeWrites.SetShape(db, component, moved);
        ShapeWrites.SetGrid(db, component, grid?.Id, ChinaDay.Today(now));
        db.ComponentChanges.Add(new ComponentChange(
            component.Id, now, component.ChangeDate, ComponentChangeKind.Moved, ComponentChangeSource.Edit, actor.DisplayName,
            before, after, "地图编辑移动部件"));
        audit.Admin(db, actor, "移动部件", component.Code.Value, $"{before} → {after}");
        var saved = await db.TrySaveAsync(EditErrors.Conflict, ct: ct);
        if (saved.IsFailure)
        {
            return saved.Error;
        }

        AfterSave();
        return new ComponentMoved(component.Code.Value, grid?.Code.Value);
    }

    /// <summary>Components in the changed area get the grid that now covers them (BGID, CHDate, a change record each).</summary>
    private async Task<int> ReassignComponentsAsync(CityDbContext db, StaffContext actor, UnitGrid grid, List<UnitGrid> neighbours, Envelope area, CancellationToken ct)
    {
        var components = await db.Components
            .Where(c => c.MaxX >= area.MinX && c.MinX <= area.MaxX && c.MaxY >= area.MinY && c.MinY <= area.MaxY)
            .ToListAsync(ct);
        var codes = neighbours.Append(grid).ToDictionary(g => g.Id, g => g.Code.Value);
        var now = clock.GetUtcNow();
        var count = 0;
        foreach (var component in components.Where(c => c.Shape is not null))
        {
            var at = component.Shape is Point p ? p : component.Shape!.InteriorPoint;
            var owner = grid.Shape!.Covers(at) ? grid : neighbours.FirstOrDefault(n => n.Shape!.Covers(at));
            if (owner?.Id == component.GridId || (owner is null && component.GridId != grid.Id))
            {
                continue;
            }

            var old = component.GridId is { } id ? codes.GetValueOrDefault(id) : null;
            ShapeWrites.SetGrid(db, component, owner?.Id, ChinaDay.Today(now));
            db.ComponentChanges.Add(new ComponentChange(
                component.Id, now, component.ChangeDate, ComponentChangeKind.AttributesChanged, ComponentChangeSource.Edit, actor.DisplayName,
                $"所在网格 {old ?? "无"}", $"所在网格 {owner?.Code.Value ?? "无"}", $"网格{grid.Code.Value}边界调整"));
            count++;
        }

        return count;
    }

    /// <summary>A point moves there; a line or area keeps its shape and moves its centre there.</summary>
    private static Geometry MoveTo(Geometry shape, double longitude, double latitude)
    {
        if (shape is Point)
        {
            return GeoConstants.Factory.CreatePoint(new Coordinate(longitude, latitude));
        }

        var centre = shape.EnvelopeInternal.Centre;
        return AffineTransformation.TranslationInstance(longitude - centre.X, latitude - centre.Y).Transform(shape);
    }

    private static string Describe(Geometry shape, string? gridCode)
    {
        var at = shape is Point p ? p.Coordinate : shape.EnvelopeInternal.Centre;
        return $"{at.X:F7},{at.Y:F7}（网格 {gridCode ?? "无"}）";
    }

    private void AfterSave()
    {
        tiles.Invalidate();
        foreach (var geocoder in geocoders)
        {
            geocoder.Invalidate();
        }
    }
}

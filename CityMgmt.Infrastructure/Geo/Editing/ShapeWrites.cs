using CityMgmt.Domain.Components;
using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Grids;
using CityMgmt.Infrastructure.Persistence;
using NetTopologySuite.Geometries;

namespace CityMgmt.Infrastructure.Geo.Editing;

/// <summary>
/// Writes the geometry-related columns of tracked aggregates through EF's change tracker. The domain offers no
/// reshape/move methods yet (SetShape is protected); the edit service validates everything these setters bypass.
/// </summary>
internal static class ShapeWrites
{
    public static void SetShape<T>(CityDbContext db, T entity, Geometry shape)
        where T : SpatialAggregate
    {
        shape.SRID = GeoConstants.Srid;
        var entry = db.Entry(entity);
        var envelope = shape.EnvelopeInternal;
        entry.Property(e => e.Shape).CurrentValue = shape;
        entry.Property(e => e.MinX).CurrentValue = envelope.MinX;
        entry.Property(e => e.MinY).CurrentValue = envelope.MinY;
        entry.Property(e => e.MaxX).CurrentValue = envelope.MaxX;
        entry.Property(e => e.MaxY).CurrentValue = envelope.MaxY;
    }

    public static void SetArea(CityDbContext db, UnitGrid grid, double squareMetres) =>
        db.Entry(grid).Property(g => g.AreaSquareMetres).CurrentValue = Math.Round(squareMetres, 1);

    /// <summary>BGID and CHDate of a component.</summary>
    public static void SetGrid(CityDbContext db, CityComponent component, Guid? gridId, DateOnly changeDate)
    {
        var entry = db.Entry(component);
        entry.Property(c => c.GridId).CurrentValue = gridId;
        entry.Property(c => c.ChangeDate).CurrentValue = changeDate;
    }
}

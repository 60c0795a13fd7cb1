using CityMgmt.Domain.Common;
using NetTopologySuite.Geometries;

namespace CityMgmt.Domain.Geo;

/// <summary>
/// An aggregate with a geometry. The geometry is stored as WKB; its bounding box is kept in four
/// plain columns so databases without a spatial type can pre-filter by index (ADR 0003).
/// </summary>
public abstract class SpatialAggregate : AggregateRoot
{
    public Geometry? Shape { get; private set; }

    public double MinX { get; private set; }

    public double MinY { get; private set; }

    public double MaxX { get; private set; }

    public double MaxY { get; private set; }

    protected Result SetShape(Geometry shape, params OgcGeometryType[] allowed)
    {
        if (shape is null || shape.IsEmpty)
        {
            return GeoErrors.EmptyGeometry;
        }

        if (allowed.Length > 0 && !allowed.Contains(shape.OgcGeometryType))
        {
            return GeoErrors.WrongGeometryType(string.Join("/", allowed), shape.GeometryType);
        }

        if (!shape.IsValid)
        {
            return GeoErrors.InvalidGeometry;
        }

        var first = shape.Coordinate;
        var check = GeoPoint.Create(first.X, first.Y);
        if (check.IsFailure)
        {
            return check.Error;
        }

        shape.SRID = GeoConstants.Srid;
        Shape = shape;
        var env = shape.EnvelopeInternal;
        (MinX, MinY, MaxX, MaxY) = (env.MinX, env.MinY, env.MaxX, env.MaxY);
        return Result.Success();
    }
}

public static class GeoConstants
{
    /// <summary>CGCS2000 geographic; numerically interchangeable with WGS84 at city-management accuracy.</summary>
    public const int Srid = 4490;

    public static readonly GeometryFactory Factory = new(new PrecisionModel(), Srid);
}

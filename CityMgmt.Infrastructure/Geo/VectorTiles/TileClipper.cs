using CityMgmt.Domain.Geo;
using NetTopologySuite.Geometries;

namespace CityMgmt.Infrastructure.Geo.VectorTiles;

/// <summary>
/// Cuts geometries to a tile's buffered box before encoding: the database pre-filters by bounding-box columns,
/// this is the exact part. Geometries wholly inside are passed through untouched (the common case).
/// </summary>
internal sealed class TileClipper(Envelope box)
{
    private readonly Geometry _boxShape = GeoConstants.Factory.ToGeometry(box);

    public Envelope Box => box;

    public Geometry? Clip(Geometry? shape)
    {
        if (shape is null || shape.IsEmpty || !box.Intersects(shape.EnvelopeInternal))
        {
            return null;
        }

        if (box.Contains(shape.EnvelopeInternal))
        {
            return shape;
        }

        if (shape is Point point)
        {
            return box.Contains(point.Coordinate) ? point : null;
        }

        var cut = shape.Intersection(_boxShape);
        return KeepDimension(cut, shape.Dimension);
    }

    /// <summary>An overlay can return a collection mixing the wanted parts with touching points or edges: keep the wanted dimension.</summary>
    private static Geometry? KeepDimension(Geometry cut, Dimension dimension)
    {
        if (cut.IsEmpty)
        {
            return null;
        }

        if (cut is not GeometryCollection || cut is MultiPolygon or MultiLineString or MultiPoint)
        {
            return cut.Dimension == dimension ? cut : null;
        }

        var parts = Enumerable.Range(0, cut.NumGeometries).Select(cut.GetGeometryN).Where(g => g.Dimension == dimension && !g.IsEmpty).ToArray();
        return parts.Length switch
        {
            0 => null,
            1 => parts[0],
            _ => dimension switch
            {
                Dimension.Surface => GeoConstants.Factory.CreateMultiPolygon(parts.OfType<Polygon>().ToArray()),
                Dimension.Curve => GeoConstants.Factory.CreateMultiLineString(parts.OfType<LineString>().ToArray()),
                _ => GeoConstants.Factory.CreateMultiPoint(parts.OfType<Point>().ToArray()),
            },
        };
    }
}

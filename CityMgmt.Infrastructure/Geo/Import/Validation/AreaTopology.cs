using CityMgmt.Domain.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Quadtree;

namespace CityMgmt.Infrastructure.Geo.Import.Validation;

/// <summary>
/// "Seamless, no overlap": polygons already stored and those accepted from the file so far. Shared edges
/// are fine; an overlap larger than the tolerance (digitising slivers) is not.
/// </summary>
internal sealed class AreaTopology(double toleranceSquareMetres)
{
    private readonly Quadtree<(string Code, IPreparedGeometry Shape)> _index = new();

    public void Add(string code, Geometry shape) =>
        _index.Insert(shape.EnvelopeInternal, (code, PreparedGeometryFactory.Prepare(shape)));

    /// <summary>The first polygon <paramref name="shape"/> overlaps beyond the tolerance, with the overlap in m².</summary>
    public (string Code, double SquareMetres)? FindOverlap(Geometry shape)
    {
        foreach (var (code, other) in _index.Query(shape.EnvelopeInternal))
        {
            if (!other.Intersects(shape) || other.Touches(shape))
            {
                continue;
            }

            var area = SquareMetres(other.Geometry.Intersection(shape));
            if (area > toleranceSquareMetres)
            {
                return (code, area);
            }
        }

        return null;
    }

    /// <summary>How much of <paramref name="inner"/> lies outside <paramref name="container"/>, in m² (0 within the tolerance).</summary>
    public double Outside(Geometry inner, Geometry container)
    {
        if (container.Covers(inner))
        {
            return 0;
        }

        var outside = SquareMetres(inner.Difference(container));
        return outside > toleranceSquareMetres ? outside : 0;
    }

    /// <summary>Area in m² of the polygonal parts of a longitude/latitude geometry (local scale at its centre; exact enough for slivers).</summary>
    public static double SquareMetres(Geometry geometry)
    {
        if (geometry.IsEmpty)
        {
            return 0;
        }

        var latitude = geometry.EnvelopeInternal.Centre.Y;
        return geometry.Area * GeoMetrics.MetresPerDegreeLatitude(latitude) * GeoMetrics.MetresPerDegreeLongitude(latitude);
    }
}

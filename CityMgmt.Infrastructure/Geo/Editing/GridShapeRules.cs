using CityMgmt.Domain.Common;
using CityMgmt.Domain.Geo;
using CityMgmt.Infrastructure.Geo.VectorTiles;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;

namespace CityMgmt.Infrastructure.Geo.Editing;

/// <summary>The geometric rules of unit grids: a valid polygon in China, inside its community, overlapping no other grid.</summary>
public static class GridShapeRules
{
    /// <summary>Overlaps and overhangs up to this area are digitising noise, not errors (≈ a 0.7 m × 0.7 m sliver).</summary>
    public const double ToleranceSquareMetres = 0.5;

    /// <summary>A closed polygon from [lon, lat] vertices (closing vertex optional); refuses collapsed, self-intersecting or non-Chinese rings.</summary>
    public static Result<Polygon> Polygon(string code, IReadOnlyList<double[]> ring)
    {
        var points = new List<Coordinate>();
        foreach (var vertex in ring)
        {
            if (vertex is not { Length: >= 2 })
            {
                return EditErrors.TooFewVertices;
            }

            var check = GeoPoint.Create(vertex[0], vertex[1]);
            if (check.IsFailure)
            {
                return check.Error;
            }

            var coordinate = new Coordinate(vertex[0], vertex[1]);
            if (points.Count == 0 || !points[^1].Equals2D(coordinate))
            {
                points.Add(coordinate);
            }
        }

        if (points.Count > 1 && points[0].Equals2D(points[^1]))
        {
            points.RemoveAt(points.Count - 1);
        }

        if (points.Count < 3)
        {
            return EditErrors.TooFewVertices;
        }

        points.Add(points[0].Copy());
        var polygon = GeoConstants.Factory.CreatePolygon([.. points]);
        return polygon.IsValid && polygon.Area > 0 ? polygon : EditErrors.SelfIntersecting(code);
    }

    /// <summary>Vertices this close to a neighbour's vertex or edge (or the community's) are put exactly on it.</summary>
    public const double SnapMetres = 1.0;

    /// <summary>
    /// Puts vertices dragged near a shared boundary exactly onto it (a neighbour's vertex first, else the nearest point of
    /// its edge): a mouse cannot hit a line, and grids must stay seamless. Returns the original when snapping would break it.
    /// </summary>
    public static Polygon Snap(Polygon polygon, IReadOnlyList<Geometry> references)
    {
        var tolerance = SnapMetres / MapQueries.MetresPerDegree(polygon.EnvelopeInternal.Centre.Y).Lat;
        var edges = references.Select(r => r.Boundary).Where(b => !b.IsEmpty).ToList();
        var corners = edges.SelectMany(e => e.Coordinates).ToList();
        var ring = polygon.ExteriorRing.Coordinates.Select(c => c.Copy()).ToArray();
        for (var i = 0; i < ring.Length - 1; i++)
        {
            var vertex = ring[i];
            var corner = corners.MinBy(c => c.Distance(vertex));
            if (corner is not null && corner.Distance(vertex) <= tolerance)
            {
                ring[i] = corner.Copy();
                continue;
            }

            var here = GeoConstants.Factory.CreatePoint(vertex);
            var onEdge = edges.Select(e => DistanceOp.NearestPoints(e, here)[0]).MinBy(c => c.Distance(vertex));
            if (onEdge is not null && onEdge.Distance(vertex) <= tolerance)
            {
                ring[i] = onEdge.Copy();
            }
        }

        ring[^1] = ring[0].Copy();
        var snapped = GeoConstants.Factory.CreatePolygon(ring);
        return snapped.IsValid && snapped.Area > 0 ? snapped : polygon;
    }

    /// <summary>Area in square metres by a local equirectangular scale (well under 1% off across a county).</summary>
    public static double SquareMetres(Geometry geometry)
    {
        if (geometry.IsEmpty)
        {
            return 0;
        }

        var (mx, my) = MapQueries.MetresPerDegree(geometry.EnvelopeInternal.Centre.Y);
        return geometry.Area * mx * my;
    }

    /// <summary>How much of <paramref name="grid"/> lies outside <paramref name="community"/>, in square metres.</summary>
    public static double Overhang(Polygon grid, Geometry community) => SquareMetres(grid.Difference(community));

    public static double Overlap(Polygon grid, Geometry other) => SquareMetres(grid.Intersection(other));
}

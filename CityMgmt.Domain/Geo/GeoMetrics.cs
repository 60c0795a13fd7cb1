using NetTopologySuite.Geometries;

namespace CityMgmt.Domain.Geo;

/// <summary>Metric work on CGCS2000 longitude/latitude: distances, areas, offsets in metres.</summary>
public static class GeoMetrics
{
    private const double A = GaussKruger.SemiMajorAxis;
    private const double F = GaussKruger.Flattening;
    private const double B = A * (1 - F);
    private const double E2 = F * (2 - F);
    private const double Rad = Math.PI / 180.0;

    /// <summary>Metres per degree of latitude at <paramref name="latitude"/> (meridian radius of curvature).</summary>
    public static double MetresPerDegreeLatitude(double latitude)
    {
        var s = Math.Sin(latitude * Rad);
        var w = 1 - (E2 * s * s);
        return A * (1 - E2) / (w * Math.Sqrt(w)) * Rad;
    }

    /// <summary>Metres per degree of longitude at <paramref name="latitude"/> (parallel's radius).</summary>
    public static double MetresPerDegreeLongitude(double latitude)
    {
        var s = Math.Sin(latitude * Rad);
        return A / Math.Sqrt(1 - (E2 * s * s)) * Math.Cos(latitude * Rad) * Rad;
    }

    /// <summary>The point <paramref name="eastMetres"/> east and <paramref name="northMetres"/> north of a point (local, for distances up to a few km).</summary>
    public static (double Longitude, double Latitude) Offset(double longitude, double latitude, double eastMetres, double northMetres)
    {
        var lat = latitude + (northMetres / MetresPerDegreeLatitude(latitude + (northMetres / 2 / MetresPerDegreeLatitude(latitude))));
        var mid = (latitude + lat) / 2;
        return (longitude + (eastMetres / MetresPerDegreeLongitude(mid)), lat);
    }

    /// <summary>
    /// Geodesic distance in metres on the CGCS2000 ellipsoid (Vincenty's inverse formula, sub-millimetre);
    /// falls back to a great-circle estimate for the nearly antipodal points where it does not converge.
    /// </summary>
    public static double DistanceMetres(double lon1, double lat1, double lon2, double lat2)
    {
        var l = (lon2 - lon1) * Rad;
        var u1 = Math.Atan((1 - F) * Math.Tan(lat1 * Rad));
        var u2 = Math.Atan((1 - F) * Math.Tan(lat2 * Rad));
        var (sinU1, cosU1, sinU2, cosU2) = (Math.Sin(u1), Math.Cos(u1), Math.Sin(u2), Math.Cos(u2));
        var lambda = l;
        for (var i = 0; i < 200; i++)
        {
            var (sinL, cosL) = (Math.Sin(lambda), Math.Cos(lambda));
            var sinSigma = Math.Sqrt(Math.Pow(cosU2 * sinL, 2) + Math.Pow((cosU1 * sinU2) - (sinU1 * cosU2 * cosL), 2));
            if (sinSigma == 0)
            {
                return 0;
            }

            var cosSigma = (sinU1 * sinU2) + (cosU1 * cosU2 * cosL);
            var sigma = Math.Atan2(sinSigma, cosSigma);
            var sinAlpha = cosU1 * cosU2 * sinL / sinSigma;
            var cos2Alpha = 1 - (sinAlpha * sinAlpha);
            var cos2SigmaM = cos2Alpha == 0 ? 0 : cosSigma - (2 * sinU1 * sinU2 / cos2Alpha);
            var c = F / 16 * cos2Alpha * (4 + (F * (4 - (3 * cos2Alpha))));
            var previous = lambda;
            lambda = l + ((1 - c) * F * sinAlpha * (sigma + (c * sinSigma * (cos2SigmaM + (c * cosSigma * (-1 + (2 * cos2SigmaM * cos2SigmaM)))))));
            if (Math.Abs(lambda - previous) < 1e-12)
            {
                var uSq = cos2Alpha * ((A * A) - (B * B)) / (B * B);
                var bigA = 1 + (uSq / 16384 * (4096 + (uSq * (-768 + (uSq * (320 - (175 * uSq)))))));
                var bigB = uSq / 1024 * (256 + (uSq * (-128 + (uSq * (74 - (47 * uSq))))));
                var deltaSigma = bigB * sinSigma * (cos2SigmaM + (bigB / 4 * ((cosSigma * (-1 + (2 * cos2SigmaM * cos2SigmaM)))
                    - (bigB / 6 * cos2SigmaM * (-3 + (4 * sinSigma * sinSigma)) * (-3 + (4 * cos2SigmaM * cos2SigmaM))))));
                return B * bigA * (sigma - deltaSigma);
            }
        }

        var central = Math.Acos(Math.Clamp((Math.Sin(lat1 * Rad) * Math.Sin(lat2 * Rad)) + (Math.Cos(lat1 * Rad) * Math.Cos(lat2 * Rad) * Math.Cos(l)), -1, 1));
        return central * 6_371_008.8;
    }

    public static double DistanceMetres(GeoPoint a, GeoPoint b) => DistanceMetres(a.Longitude, a.Latitude, b.Longitude, b.Latitude);

    /// <summary>
    /// Area in m² of a (multi)polygon given in longitude/latitude, measured in the CGCS2000 Gauss-Krüger 3°
    /// zone of its centre — the system surveyed areas are stated in. Lines and points have no area.
    /// </summary>
    public static double AreaSquareMetres(Geometry geometry)
    {
        if (geometry is not (Polygon or MultiPolygon) || geometry.IsEmpty)
        {
            return 0;
        }

        return Project(geometry, GaussKruger.ForLongitude(geometry.EnvelopeInternal.Centre.X)).Area;
    }

    /// <summary>A copy of <paramref name="geometry"/> in the projected system <paramref name="zone"/> (x = easting, y = northing).</summary>
    public static Geometry Project(Geometry geometry, GaussKruger zone)
    {
        var copy = geometry.Copy();
        copy.Apply(new ProjectFilter(zone));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class ProjectFilter(GaussKruger zone) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                var (x, y) = zone.Forward(seq.GetX(i), seq.GetY(i));
                seq.SetX(i, x);
                seq.SetY(i, y);
            }
        }
    }
}

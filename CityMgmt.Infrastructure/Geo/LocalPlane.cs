using CityMgmt.Domain.Geo;

namespace CityMgmt.Infrastructure.Geo;

/// <summary>
/// A tangent plane in metres around a latitude, for the short distances of geocoding (a road within
/// 150 m, a landmark 50 m east): x = east, y = north, relative to the given origin.
/// </summary>
internal readonly record struct LocalPlane(double OriginLon, double OriginLat, double Kx, double Ky)
{
    public static LocalPlane At(double lon, double lat) =>
        new(lon, lat, GeoMetrics.MetresPerDegreeLongitude(lat), GeoMetrics.MetresPerDegreeLatitude(lat));

    public (double X, double Y) ToMetres(double lon, double lat) => ((lon - OriginLon) * Kx, (lat - OriginLat) * Ky);

    public (double Lon, double Lat) ToLonLat(double x, double y) => (OriginLon + (x / Kx), OriginLat + (y / Ky));

    /// <summary>Distance in metres from the origin to the segment a–b (given in lon/lat).</summary>
    public double DistanceToSegment(double ax, double ay, double bx, double by)
    {
        var (x1, y1) = ToMetres(ax, ay);
        var (x2, y2) = ToMetres(bx, by);
        var (dx, dy) = (x2 - x1, y2 - y1);
        var length2 = (dx * dx) + (dy * dy);
        var t = length2 == 0 ? 0 : Math.Clamp(-((x1 * dx) + (y1 * dy)) / length2, 0, 1);
        var (px, py) = (x1 + (t * dx), y1 + (t * dy));
        return Math.Sqrt((px * px) + (py * py));
    }
}

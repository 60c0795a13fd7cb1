using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Geo;

/// <summary>
/// WGS84/CGCS2000 ↔ GCJ-02 ↔ BD-09. GCJ-02 is the published offset algorithm (the one every open
/// implementation such as eviltransform/coordtransform carries); it has no closed-form inverse, so the
/// inverse iterates to below a millimetre. Every input path converts with <see cref="ToCgcs2000"/>.
/// </summary>
public static class CoordinateTransforms
{
    // Krasovsky 1940 ellipsoid, as the GCJ-02 algorithm uses it.
    private const double KrasovskyA = 6378245.0;
    private const double KrasovskyEe = 0.00669342162296594323;
    private const double BdXPi = Math.PI * 3000.0 / 180.0;

    // 1e-9° ≈ 0.1 mm: far below the 0.5 m the inverse must reach.
    private const double InverseTolerance = 1e-9;
    private const int MaxIterations = 30;

    /// <summary>
    /// The point in CGCS2000 from a point given in <paramref name="system"/>; fails with a Chinese message when
    /// it is not a number or not in China (swapped longitude/latitude are caught here).
    /// </summary>
    public static Result<GeoPoint> ToCgcs2000(double longitude, double latitude, CoordinateSystem system)
    {
        if (!double.IsFinite(longitude) || !double.IsFinite(latitude))
        {
            return GeoErrors.OutsideChina(longitude, latitude);
        }

        var (lon, lat) = system switch
        {
            CoordinateSystem.Gcj02 => Gcj02ToWgs84(longitude, latitude),
            CoordinateSystem.Bd09 => Bd09ToWgs84(longitude, latitude),
            _ => (longitude, latitude),
        };
        return GeoPoint.Create(lon, lat);
    }

    /// <summary>A stored point expressed in <paramref name="system"/> (for handing to a phone map SDK).</summary>
    public static (double Longitude, double Latitude) FromCgcs2000(GeoPoint point, CoordinateSystem system) => system switch
    {
        CoordinateSystem.Gcj02 => Wgs84ToGcj02(point.Longitude, point.Latitude),
        CoordinateSystem.Bd09 => Wgs84ToBd09(point.Longitude, point.Latitude),
        _ => (point.Longitude, point.Latitude),
    };

    /// <summary>The algorithm's own rectangle: outside it GCJ-02 equals WGS84.</summary>
    public static bool IsOutsideChina(double longitude, double latitude) =>
        longitude is < 72.004 or > 137.8347 || latitude is < 0.8293 or > 55.8271;

    public static (double Longitude, double Latitude) Wgs84ToGcj02(double longitude, double latitude)
    {
        if (IsOutsideChina(longitude, latitude))
        {
            return (longitude, latitude);
        }

        var (dLon, dLat) = GcjDelta(longitude, latitude);
        return (longitude + dLon, latitude + dLat);
    }

    /// <summary>Inverts <see cref="Wgs84ToGcj02"/> by fixed-point iteration (the offset varies slowly, so it converges in a few steps).</summary>
    public static (double Longitude, double Latitude) Gcj02ToWgs84(double longitude, double latitude)
    {
        if (IsOutsideChina(longitude, latitude))
        {
            return (longitude, latitude);
        }

        var (lon, lat) = (longitude, latitude);
        for (var i = 0; i < MaxIterations; i++)
        {
            var (dLon, dLat) = GcjDelta(lon, lat);
            var (errLon, errLat) = (lon + dLon - longitude, lat + dLat - latitude);
            (lon, lat) = (lon - errLon, lat - errLat);
            if (Math.Abs(errLon) < InverseTolerance && Math.Abs(errLat) < InverseTolerance)
            {
                break;
            }
        }

        return (lon, lat);
    }

    public static (double Longitude, double Latitude) Gcj02ToBd09(double longitude, double latitude)
    {
        var z = Math.Sqrt((longitude * longitude) + (latitude * latitude)) + (0.00002 * Math.Sin(latitude * BdXPi));
        var theta = Math.Atan2(latitude, longitude) + (0.000003 * Math.Cos(longitude * BdXPi));
        return ((z * Math.Cos(theta)) + 0.0065, (z * Math.Sin(theta)) + 0.006);
    }

    /// <summary>Baidu's published inverse (exact to about 1e-7°, a centimetre), kept so results match theirs.</summary>
    public static (double Longitude, double Latitude) Bd09ToGcj02(double longitude, double latitude)
    {
        var (x, y) = (longitude - 0.0065, latitude - 0.006);
        var z = Math.Sqrt((x * x) + (y * y)) - (0.00002 * Math.Sin(y * BdXPi));
        var theta = Math.Atan2(y, x) - (0.000003 * Math.Cos(x * BdXPi));
        return (z * Math.Cos(theta), z * Math.Sin(theta));
    }

    public static (double Longitude, double Latitude) Wgs84ToBd09(double longitude, double latitude)
    {
        var (lon, lat) = Wgs84ToGcj02(longitude, latitude);
        return Gcj02ToBd09(lon, lat);
    }

    public static (double Longitude, double Latitude) Bd09ToWgs84(double longitude, double latitude)
    {
        var (lon, lat) = Bd09ToGcj02(longitude, latitude);
        return Gcj02ToWgs84(lon, lat);
    }

    private static (double DLon, double DLat) GcjDelta(double longitude, double latitude)
    {
        var (x, y) = (longitude - 105.0, latitude - 35.0);
        var dLat = TransformLat(x, y);
        var dLon = TransformLon(x, y);
        var radLat = latitude / 180.0 * Math.PI;
        var magic = Math.Sin(radLat);
        magic = 1 - (KrasovskyEe * magic * magic);
        var sqrtMagic = Math.Sqrt(magic);
        dLat = dLat * 180.0 / (KrasovskyA * (1 - KrasovskyEe) / (magic * sqrtMagic) * Math.PI);
        dLon = dLon * 180.0 / (KrasovskyA / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return (dLon, dLat);
    }

    private static double TransformLat(double x, double y)
    {
        var ret = -100.0 + (2.0 * x) + (3.0 * y) + (0.2 * y * y) + (0.1 * x * y) + (0.2 * Math.Sqrt(Math.Abs(x)));
        ret += ((20.0 * Math.Sin(6.0 * x * Math.PI)) + (20.0 * Math.Sin(2.0 * x * Math.PI))) * 2.0 / 3.0;
        ret += ((20.0 * Math.Sin(y * Math.PI)) + (40.0 * Math.Sin(y / 3.0 * Math.PI))) * 2.0 / 3.0;
        ret += ((160.0 * Math.Sin(y / 12.0 * Math.PI)) + (320 * Math.Sin(y * Math.PI / 30.0))) * 2.0 / 3.0;
        return ret;
    }

    private static double TransformLon(double x, double y)
    {
        var ret = 300.0 + x + (2.0 * y) + (0.1 * x * x) + (0.1 * x * y) + (0.1 * Math.Sqrt(Math.Abs(x)));
        ret += ((20.0 * Math.Sin(6.0 * x * Math.PI)) + (20.0 * Math.Sin(2.0 * x * Math.PI))) * 2.0 / 3.0;
        ret += ((20.0 * Math.Sin(x * Math.PI)) + (40.0 * Math.Sin(x / 3.0 * Math.PI))) * 2.0 / 3.0;
        ret += ((150.0 * Math.Sin(x / 12.0 * Math.PI)) + (300.0 * Math.Sin(x / 30.0 * Math.PI))) * 2.0 / 3.0;
        return ret;
    }
}

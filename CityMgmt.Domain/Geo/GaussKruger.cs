namespace CityMgmt.Domain.Geo;

/// <summary>
/// CGCS2000 Gauss-Krüger 3° zone projection (高斯-克吕格3度带): transverse Mercator with scale 1 on the
/// central meridian 3 × zone, false easting 500 km, optionally prefixed with the zone number
/// (35 500 000 m). Krüger's series to n⁴ (the form PROJ and the national survey offices use); within a
/// 3° zone forward and inverse agree to far below a millimetre.
/// </summary>
public sealed record GaussKruger
{
    public const double SemiMajorAxis = 6378137.0;
    public const double Flattening = 1 / 298.257222101;

    private static readonly Series Krueger = Series.Create(Flattening);

    public GaussKruger(int zone, bool zonePrefix = false)
    {
        if (zone is < 1 or > 120)
        {
            throw new ArgumentOutOfRangeException(nameof(zone), zone, "A 3° zone number is between 1 and 120.");
        }

        Zone = zone;
        ZonePrefix = zonePrefix;
    }

    /// <summary>3° zone number; China lies in zones 25 (75°E) to 45 (135°E).</summary>
    public int Zone { get; }

    /// <summary>Whether eastings carry the zone number in front (35 500 000 instead of 500 000).</summary>
    public bool ZonePrefix { get; }

    public double CentralMeridian => 3.0 * Zone;

    public double FalseEasting => ZonePrefix ? (Zone * 1_000_000.0) + 500_000.0 : 500_000.0;

    /// <summary>The 3° zone whose central meridian is nearest to <paramref name="longitude"/>.</summary>
    public static GaussKruger ForLongitude(double longitude, bool zonePrefix = false) =>
        new((int)Math.Round(longitude / 3.0, MidpointRounding.AwayFromZero), zonePrefix);

    /// <summary>The zone of an easting written with its zone prefix (e.g. 35 512 345.6 → zone 35).</summary>
    public static GaussKruger FromPrefixedEasting(double easting) => new((int)Math.Floor(easting / 1_000_000.0), zonePrefix: true);

    /// <summary>Longitude/latitude (degrees) → easting/northing (metres).</summary>
    public (double Easting, double Northing) Forward(double longitude, double latitude)
    {
        var s = Krueger;
        var phi = latitude * Math.PI / 180.0;
        var dLambda = (longitude - CentralMeridian) * Math.PI / 180.0;
        var sin2 = Math.Sin(phi) * Math.Sin(phi);
        var conformal = phi - (Math.Sin(phi) * Math.Cos(phi) * (s.A + (sin2 * (s.B + (sin2 * (s.C + (sin2 * s.D)))))));
        var xi = Math.Atan2(Math.Tan(conformal), Math.Cos(dLambda));
        var eta = Math.Atanh(Math.Cos(conformal) * Math.Sin(dLambda));

        double north = xi, east = eta;
        for (var j = 1; j <= 4; j++)
        {
            north += s.Beta[j - 1] * Math.Sin(2 * j * xi) * Math.Cosh(2 * j * eta);
            east += s.Beta[j - 1] * Math.Cos(2 * j * xi) * Math.Sinh(2 * j * eta);
        }

        return ((s.RectifyingRadius * east) + FalseEasting, s.RectifyingRadius * north);
    }

    /// <summary>Easting/northing (metres, with or without prefix as configured) → longitude/latitude (degrees).</summary>
    public (double Longitude, double Latitude) Inverse(double easting, double northing)
    {
        var s = Krueger;
        var xi = northing / s.RectifyingRadius;
        var eta = (easting - FalseEasting) / s.RectifyingRadius;
        double xiP = xi, etaP = eta;
        for (var j = 1; j <= 4; j++)
        {
            xiP -= s.Delta[j - 1] * Math.Sin(2 * j * xi) * Math.Cosh(2 * j * eta);
            etaP -= s.Delta[j - 1] * Math.Cos(2 * j * xi) * Math.Sinh(2 * j * eta);
        }

        var conformal = Math.Asin(Math.Sin(xiP) / Math.Cosh(etaP));
        var dLambda = Math.Atan2(Math.Sinh(etaP), Math.Cos(xiP));
        var sin2 = Math.Sin(conformal) * Math.Sin(conformal);
        var phi = conformal + (Math.Sin(conformal) * Math.Cos(conformal)
            * (s.AStar + (sin2 * (s.BStar + (sin2 * (s.CStar + (sin2 * s.DStar)))))));
        return (CentralMeridian + (dLambda * 180.0 / Math.PI), phi * 180.0 / Math.PI);
    }

    /// <summary>Coefficients of Krüger's series for one ellipsoid (Lantmäteriet's formulation).</summary>
    private sealed record Series(
        double RectifyingRadius, double A, double B, double C, double D,
        double AStar, double BStar, double CStar, double DStar, double[] Beta, double[] Delta)
    {
        public static Series Create(double f)
        {
            var e2 = f * (2 - f);
            var (e4, e6, e8) = (e2 * e2, e2 * e2 * e2, e2 * e2 * e2 * e2);
            var n = f / (2 - f);
            var (n2, n3, n4) = (n * n, n * n * n, n * n * n * n);
            return new Series(
                SemiMajorAxis / (1 + n) * (1 + (n2 / 4) + (n4 / 64)),
                e2,
                ((5 * e4) - e6) / 6,
                ((104 * e6) - (45 * e8)) / 120,
                1237 * e8 / 1260,
                e2 + e4 + e6 + e8,
                -((7 * e4) + (17 * e6) + (30 * e8)) / 6,
                ((224 * e6) + (889 * e8)) / 120,
                -4279 * e8 / 1260,
                [
                    (n / 2) - (2 * n2 / 3) + (5 * n3 / 16) + (41 * n4 / 180),
                    (13 * n2 / 48) - (3 * n3 / 5) + (557 * n4 / 1440),
                    (61 * n3 / 240) - (103 * n4 / 140),
                    49561 * n4 / 161280,
                ],
                [
                    (n / 2) - (2 * n2 / 3) + (37 * n3 / 96) - (n4 / 360),
                    (n2 / 48) + (n3 / 15) - (437 * n4 / 1440),
                    (17 * n3 / 480) - (37 * n4 / 840),
                    4397 * n4 / 161280,
                ]);
        }
    }
}

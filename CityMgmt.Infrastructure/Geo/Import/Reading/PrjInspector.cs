using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace CityMgmt.Infrastructure.Geo.Import.Reading;

/// <summary>
/// Reads a shapefile's .prj and decides: CGCS2000/WGS84 longitude/latitude (used as is), a CGCS2000
/// Gauss-Krüger 3° zone (reprojected to longitude/latitude with ProjNET), or anything else (refused:
/// Beijing 1954 and Xi'an 1980 sit on other ellipsoids and would be off by tens of metres).
/// </summary>
internal static class PrjInspector
{
    private const double Cgcs2000InverseFlattening = 298.257222101;
    private const double Wgs84InverseFlattening = 298.257223563;
    private static readonly string[] TransverseMercatorNames = ["gausskruger", "gauss_kruger", "transversemercator", "transverse_mercator"];

    /// <summary>Null for longitude/latitude; otherwise the transform from the projected system to longitude/latitude.</summary>
    public static Func<Geometry, Geometry>? Inspect(string layer, string wkt)
    {
        CoordinateSystem system;
        try
        {
            system = new CoordinateSystemFactory().CreateFromWkt(wkt.Trim());
        }
        catch (Exception e) when (e is ArgumentException or FormatException or NotSupportedException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new ImportRefusedException(ImportErrors.UnsupportedPrj(layer, "无法解析的 .prj"));
        }

        switch (system)
        {
            case GeographicCoordinateSystem geographic when IsChinaGeographic(geographic, allowWgs84: true):
                return null;
            case ProjectedCoordinateSystem projected when IsGaussKruger(projected):
                return ToLongitudeLatitude(projected);
            default:
                throw new ImportRefusedException(ImportErrors.UnsupportedPrj(layer, system.Name));
        }
    }

    private static bool IsChinaGeographic(GeographicCoordinateSystem system, bool allowWgs84)
    {
        var ellipsoid = system.HorizontalDatum.Ellipsoid;
        var flattening = ellipsoid.InverseFlattening;
        return Math.Abs(ellipsoid.SemiMajorAxis - 6378137.0) < 1e-3
            && (Math.Abs(flattening - Cgcs2000InverseFlattening) < 1e-6 || (allowWgs84 && Math.Abs(flattening - Wgs84InverseFlattening) < 1e-6))
            && Math.Abs(system.PrimeMeridian.Longitude) < 1e-9
            && Math.Abs(system.AngularUnit.RadiansPerUnit - (Math.PI / 180)) < 1e-12;
    }

    private static bool IsGaussKruger(ProjectedCoordinateSystem system)
    {
        var name = system.Projection.ClassName.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        if (!TransverseMercatorNames.Contains(name) || !IsChinaGeographic(system.GeographicCoordinateSystem, allowWgs84: false)
            || Math.Abs(system.LinearUnit.MetersPerUnit - 1) > 1e-9)
        {
            return false;
        }

        var meridian = Parameter(system, "central_meridian");
        var zone = meridian / 3;
        var easting = Parameter(system, "false_easting");
        return Math.Abs(Parameter(system, "scale_factor", 1) - 1) < 1e-9
            && Math.Abs(Parameter(system, "latitude_of_origin")) < 1e-9
            && Math.Abs(Parameter(system, "false_northing")) < 1e-6
            && meridian is >= 75 and <= 135 && Math.Abs(zone - Math.Round(zone)) < 1e-9
            && (Math.Abs(easting - 500_000) < 1e-6 || Math.Abs(easting - ((Math.Round(zone) * 1_000_000) + 500_000)) < 1e-6);
    }

    private static double Parameter(ProjectedCoordinateSystem system, string name, double fallback = 0)
    {
        for (var i = 0; i < system.Projection.NumParameters; i++)
        {
            var parameter = system.Projection.GetParameter(i);
            if (string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return parameter.Value;
            }
        }

        return fallback;
    }

    /// <summary>ProjNET does not know Esri's "Gauss_Kruger" name: the same parameters are rebuilt as its transverse Mercator.</summary>
    private static Func<Geometry, Geometry> ToLongitudeLatitude(ProjectedCoordinateSystem source)
    {
        var factory = new CoordinateSystemFactory();
        var parameters = Enumerable.Range(0, source.Projection.NumParameters).Select(source.Projection.GetParameter).ToList();
        var projection = factory.CreateProjection("Gauss-Kruger", "transverse_mercator", parameters);
        var projected = factory.CreateProjectedCoordinateSystem(
            source.Name, source.GeographicCoordinateSystem, projection, LinearUnit.Metre,
            new AxisInfo("East", AxisOrientationEnum.East), new AxisInfo("North", AxisOrientationEnum.North));
        var transform = new CoordinateTransformationFactory().CreateFromCoordinateSystems(projected, source.GeographicCoordinateSystem).MathTransform;
        return geometry =>
        {
            var copy = geometry.Copy();
            copy.Apply(new TransformFilter(transform));
            copy.GeometryChanged();
            return copy;
        };
    }

    private sealed class TransformFilter(MathTransform transform) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                var (x, y) = transform.Transform(seq.GetX(i), seq.GetY(i));
                seq.SetX(i, x);
                seq.SetY(i, y);
            }
        }
    }
}

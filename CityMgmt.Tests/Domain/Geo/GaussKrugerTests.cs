using CityMgmt.Domain.Geo;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace CityMgmt.Tests.Domain.Geo;

public class GaussKrugerTests
{
    [Fact]
    public void Forward_CentralMeridianAtTheEquator_IsTheFalseOrigin()
    {
        var (easting, northing) = new GaussKruger(35).Forward(105, 0);

        easting.ShouldBe(500_000, 1e-6);
        northing.ShouldBe(0, 1e-6);
    }

    [Fact]
    public void Forward_CentralMeridian_NorthingIsTheMeridianArc()
    {
        // GRS80/CGCS2000 meridian arc from the equator to 30°N: 3 320 113.398 m (published tables).
        var (easting, northing) = new GaussKruger(35).Forward(105, 30);

        easting.ShouldBe(500_000, 1e-6);
        northing.ShouldBe(3_320_113.398, 0.001);
    }

    [Theory]
    [InlineData(104.0, 30.5)]
    [InlineData(103.5, 18.0)]
    [InlineData(106.5, 53.5)]
    [InlineData(105.0, 35.0)]
    [InlineData(103.6, 41.2)]
    public void ForwardThenInverse_AnywhereInTheZone_ReturnsWithinAMillimetre(double lon, double lat)
    {
        var zone = new GaussKruger(35);
        var (e, n) = zone.Forward(lon, lat);

        var (backLon, backLat) = zone.Inverse(e, n);

        GeoMetrics.DistanceMetres(lon, lat, backLon, backLat).ShouldBeLessThan(0.001);
        var (e2, n2) = zone.Forward(backLon, backLat);
        Math.Sqrt(((e2 - e) * (e2 - e)) + ((n2 - n) * (n2 - n))).ShouldBeLessThan(0.001);
    }

    [Theory]
    [InlineData(35, 104.0, 30.5)]
    [InlineData(35, 103.5, 22.0)]
    [InlineData(35, 106.49, 45.0)]
    [InlineData(36, 108.0, 34.2)]
    [InlineData(36, 109.4, 26.6)]
    public void Forward_AgreesWithProjNetTransverseMercatorOnCgcs2000_WithinAMillimetre(int zoneNumber, double lon, double lat)
    {
        var zone = new GaussKruger(zoneNumber);
        var reference = ProjNetTransform(zone.CentralMeridian);

        var (e, n) = zone.Forward(lon, lat);
        var expected = reference.MathTransform.Transform([lon, lat]);

        e.ShouldBe(expected[0], 0.001);
        n.ShouldBe(expected[1], 0.001);
    }

    [Fact]
    public void ZonePrefix_AddsTheZoneNumberInFrontOfTheEasting()
    {
        var plain = new GaussKruger(35).Forward(104.2, 30.6);
        var prefixed = new GaussKruger(35, zonePrefix: true).Forward(104.2, 30.6);

        prefixed.Easting.ShouldBe(plain.Easting + 35_000_000, 1e-6);
        prefixed.Northing.ShouldBe(plain.Northing, 1e-9);
        var back = GaussKruger.FromPrefixedEasting(prefixed.Easting).Inverse(prefixed.Easting, prefixed.Northing);
        back.Longitude.ShouldBe(104.2, 1e-9);
        back.Latitude.ShouldBe(30.6, 1e-9);
    }

    [Theory]
    [InlineData(104.0, 35)]
    [InlineData(103.4, 34)]
    [InlineData(106.6, 36)]
    [InlineData(120.0, 40)]
    public void ForLongitude_PicksTheZoneWithTheNearestCentralMeridian(double lon, int zone)
    {
        var gk = GaussKruger.ForLongitude(lon);

        gk.Zone.ShouldBe(zone);
        gk.CentralMeridian.ShouldBe(3.0 * zone);
    }

    [Fact]
    public void Constructor_ZoneOutOfRange_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new GaussKruger(0));

    /// <summary>CGCS2000 / 3-degree Gauss-Kruger CM (EPSG:4544 for 105°E) without the zone prefix, built in ProjNET.</summary>
    private static ICoordinateTransformation ProjNetTransform(double centralMeridian)
    {
        var wkt = $$"""
            PROJCS["CGCS2000 / 3-degree Gauss-Kruger CM {{centralMeridian}}E",
              GEOGCS["China Geodetic Coordinate System 2000",
                DATUM["China_2000", SPHEROID["CGCS2000",6378137,298.257222101]],
                PRIMEM["Greenwich",0], UNIT["degree",0.0174532925199433]],
              PROJECTION["Transverse_Mercator"],
              PARAMETER["latitude_of_origin",0], PARAMETER["central_meridian",{{centralMeridian}}],
              PARAMETER["scale_factor",1], PARAMETER["false_easting",500000], PARAMETER["false_northing",0],
              UNIT["metre",1]]
            """;
        var factory = new CoordinateSystemFactory();
        var projected = (ProjectedCoordinateSystem)factory.CreateFromWkt(wkt);
        return new CoordinateTransformationFactory().CreateFromCoordinateSystems(projected.GeographicCoordinateSystem, projected);
    }
}

using CityMgmt.Domain.Geo;
using NetTopologySuite.Geometries;

namespace CityMgmt.Tests.Domain.Geo;

public class GeoMetricsTests
{
    [Fact]
    public void DistanceMetres_AlongTheCentralMeridian_EqualsTheGaussKrugerNorthingDifference()
    {
        // On the central meridian the projection's northing is the meridian arc itself (scale 1).
        var zone = new GaussKruger(35);
        var expected = zone.Forward(105, 30.6).Northing - zone.Forward(105, 30.5).Northing;

        GeoMetrics.DistanceMetres(105, 30.5, 105, 30.6).ShouldBe(expected, 0.001);
    }

    [Fact]
    public void DistanceMetres_VincentysPublishedGrs80Example_MatchesToAMillimetre()
    {
        // Geoscience Australia's worked example on GRS80 (the CGCS2000 ellipsoid): Flinders Peak → Buninyong, 54 972.271 m.
        var flindersPeak = (Lon: 144 + (25 / 60.0) + (29.52440 / 3600), Lat: -(37 + (57 / 60.0) + (3.72030 / 3600)));
        var buninyong = (Lon: 143 + (55 / 60.0) + (35.38390 / 3600), Lat: -(37 + (39 / 60.0) + (10.15610 / 3600)));

        GeoMetrics.DistanceMetres(flindersPeak.Lon, flindersPeak.Lat, buninyong.Lon, buninyong.Lat).ShouldBe(54_972.271, 0.001);
    }

    [Fact]
    public void DistanceMetres_SamePoint_IsZero() => GeoMetrics.DistanceMetres(104, 30.5, 104, 30.5).ShouldBe(0);

    [Theory]
    [InlineData(50, 0)]
    [InlineData(0, -100)]
    [InlineData(-35.355, 35.355)]
    [InlineData(1000, 1000)]
    public void Offset_ThenDistance_GivesTheRequestedMetres(double east, double north)
    {
        var (lon, lat) = GeoMetrics.Offset(104.01, 30.51, east, north);

        GeoMetrics.DistanceMetres(104.01, 30.51, lon, lat).ShouldBe(Math.Sqrt((east * east) + (north * north)), 0.01);
        Math.Sign(lon - 104.01).ShouldBe(Math.Sign(east));
        Math.Sign(lat - 30.51).ShouldBe(Math.Sign(north));
    }

    [Fact]
    public void AreaSquareMetres_DemoCell_IsTheEllipsoidalAreaWithinTheZoneScale()
    {
        // A 100 m × 100 m demo cell at 104°E 30.5°N; exact ellipsoidal area ≈ M·Δφ × N·cosφ·Δλ.
        const double dLon = 100.0 / 95_900, dLat = 100.0 / 110_900;
        var cell = Rectangle(104.0, 30.5, 104.0 + dLon, 30.5 + dLat);
        var ellipsoidal = dLat * GeoMetrics.MetresPerDegreeLatitude(30.5 + (dLat / 2)) * dLon * GeoMetrics.MetresPerDegreeLongitude(30.5 + (dLat / 2));

        var area = GeoMetrics.AreaSquareMetres(cell);

        // 1° from the central meridian the Gauss-Krüger scale is 1.000113, so areas read 0.023 % large.
        (area / ellipsoidal).ShouldBe(1.000226, 0.00002);
        area.ShouldBe(10_009, 1);
    }

    [Fact]
    public void AreaSquareMetres_OldEquirectangularFormula_WasOffByMoreThanTheProjection()
    {
        var cell = Rectangle(104.0, 30.5, 104.0 + (100.0 / 95_900), 30.5 + (100.0 / 110_900));
        var lat = cell.Centroid.Y * Math.PI / 180;
        var equirectangular = cell.Area * 111_320 * Math.Cos(lat) * 110_574;

        Math.Abs(GeoMetrics.AreaSquareMetres(cell) - equirectangular).ShouldBeGreaterThan(5);
    }

    [Fact]
    public void AreaSquareMetres_LinesAndPoints_HaveNoArea()
    {
        GeoMetrics.AreaSquareMetres(GeoConstants.Factory.CreateLineString([new(104, 30.5), new(104.01, 30.5)])).ShouldBe(0);
        GeoMetrics.AreaSquareMetres(GeoConstants.Factory.CreatePoint(new Coordinate(104, 30.5))).ShouldBe(0);
    }

    [Fact]
    public void MetresPerDegree_At30Degrees_MatchesTheEllipsoid()
    {
        GeoMetrics.MetresPerDegreeLatitude(30).ShouldBe(110_852.4, 0.5);
        GeoMetrics.MetresPerDegreeLongitude(30).ShouldBe(96_486.3, 0.5);
    }

    private static Polygon Rectangle(double x0, double y0, double x1, double y1) =>
        GeoConstants.Factory.CreatePolygon([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);
}

using CityMgmt.Domain.Geo;

namespace CityMgmt.Tests.Domain.Geo;

public class CoordinateTransformsTests
{
    // Reference numbers published with open implementations of the GCJ-02 algorithm
    // (googollee/eviltransform tests; wandergis/coordtransform README: 116.404, 39.915 by Tiananmen).
    [Theory]
    [InlineData(121.5272106, 31.1774276, 121.531541859215, 31.17530398364597)] // Shanghai
    [InlineData(113.912316, 22.543847, 113.9171764808363, 22.540796131694766)] // Shenzhen
    [InlineData(116.377817, 39.911954, 116.38404722455657, 39.91334545536069)] // Beijing
    [InlineData(116.404, 39.915, 116.41024449916938, 39.91640428150164)] // Tiananmen
    public void Wgs84ToGcj02_PublishedReferencePoints_MatchTheReferenceImplementation(double lon, double lat, double gcjLon, double gcjLat)
    {
        var (x, y) = CoordinateTransforms.Wgs84ToGcj02(lon, lat);

        x.ShouldBe(gcjLon, 1e-6);
        y.ShouldBe(gcjLat, 1e-6);
    }

    [Theory]
    [InlineData(116.404, 39.915)]
    [InlineData(121.5272106, 31.1774276)]
    [InlineData(104.0, 30.5)]
    [InlineData(87.6, 43.8)]
    [InlineData(126.6, 45.75)]
    [InlineData(109.5, 18.25)]
    public void Gcj02ToWgs84_RoundTrip_IsWithinHalfAMetre(double lon, double lat)
    {
        var (gcjLon, gcjLat) = CoordinateTransforms.Wgs84ToGcj02(lon, lat);

        var (backLon, backLat) = CoordinateTransforms.Gcj02ToWgs84(gcjLon, gcjLat);

        GeoMetrics.DistanceMetres(lon, lat, gcjLon, gcjLat).ShouldBeGreaterThan(50, "GCJ-02 moves points by tens to hundreds of metres");
        GeoMetrics.DistanceMetres(lon, lat, backLon, backLat).ShouldBeLessThan(0.5);
        GeoMetrics.DistanceMetres(lon, lat, backLon, backLat).ShouldBeLessThan(0.001, "the iteration goes well below the required 0.5 m");
    }

    [Fact]
    public void Gcj02ToWgs84_Tiananmen_IsCloserThanTheOneStepApproximation()
    {
        // coordtransform's one-step inverse of (116.404, 39.915) is (116.39775550083061, 39.91359571849836): about 1 m off.
        var (lon, lat) = CoordinateTransforms.Gcj02ToWgs84(116.404, 39.915);
        var (checkLon, checkLat) = CoordinateTransforms.Wgs84ToGcj02(lon, lat);

        GeoMetrics.DistanceMetres(lon, lat, 116.39775550083061, 39.91359571849836).ShouldBeInRange(0.01, 5);
        GeoMetrics.DistanceMetres(checkLon, checkLat, 116.404, 39.915).ShouldBeLessThan(0.001);
    }

    [Fact]
    public void Gcj02ToBd09_Tiananmen_MatchesTheReferenceImplementation()
    {
        var (lon, lat) = CoordinateTransforms.Gcj02ToBd09(116.404, 39.915);

        lon.ShouldBe(116.41036949371029, 1e-9);
        lat.ShouldBe(39.92133699351021, 1e-9);
    }

    [Fact]
    public void Bd09ToGcj02_Tiananmen_MatchesTheReferenceImplementation()
    {
        var (lon, lat) = CoordinateTransforms.Bd09ToGcj02(116.404, 39.915);

        lon.ShouldBe(116.39762729119315, 1e-9);
        lat.ShouldBe(39.90865673957631, 1e-9);
    }

    [Theory]
    [InlineData(104.0, 30.5)]
    [InlineData(116.404, 39.915)]
    [InlineData(113.3, 23.1)]
    public void Bd09_RoundTrip_IsWithinHalfAMetre(double lon, double lat)
    {
        var (bdLon, bdLat) = CoordinateTransforms.Wgs84ToBd09(lon, lat);

        var (backLon, backLat) = CoordinateTransforms.Bd09ToWgs84(bdLon, bdLat);

        GeoMetrics.DistanceMetres(lon, lat, bdLon, bdLat).ShouldBeGreaterThan(300, "BD-09 adds Baidu's offset to GCJ-02's");
        GeoMetrics.DistanceMetres(lon, lat, backLon, backLat).ShouldBeLessThan(0.5);
    }

    [Fact]
    public void Wgs84ToGcj02_OutsideChina_ReturnsThePointUnchanged()
    {
        CoordinateTransforms.Wgs84ToGcj02(2.3522, 48.8566).ShouldBe((2.3522, 48.8566));
        CoordinateTransforms.Gcj02ToWgs84(2.3522, 48.8566).ShouldBe((2.3522, 48.8566));
        CoordinateTransforms.IsOutsideChina(104, 30.5).ShouldBeFalse();
    }

    [Fact]
    public void ToCgcs2000_Gcj02Input_ReturnsTheWgs84Point()
    {
        var (gcjLon, gcjLat) = CoordinateTransforms.Wgs84ToGcj02(104.01, 30.51);

        var point = CoordinateTransforms.ToCgcs2000(gcjLon, gcjLat, CoordinateSystem.Gcj02).Value;

        GeoMetrics.DistanceMetres(point.Longitude, point.Latitude, 104.01, 30.51).ShouldBeLessThan(0.01);
    }

    [Fact]
    public void ToCgcs2000_Bd09Input_ReturnsTheWgs84Point()
    {
        var (bdLon, bdLat) = CoordinateTransforms.Wgs84ToBd09(104.01, 30.51);

        var point = CoordinateTransforms.ToCgcs2000(bdLon, bdLat, CoordinateSystem.Bd09).Value;

        GeoMetrics.DistanceMetres(point.Longitude, point.Latitude, 104.01, 30.51).ShouldBeLessThan(0.05);
    }

    [Fact]
    public void ToCgcs2000_Wgs84Input_IsStoredAsGiven() =>
        CoordinateTransforms.ToCgcs2000(104.01, 30.51, CoordinateSystem.Wgs84).Value.ShouldBe(new GeoPoint(104.01, 30.51));

    [Theory]
    [InlineData(30.51, 104.01)]
    [InlineData(0, 0)]
    [InlineData(double.NaN, 30)]
    [InlineData(104, double.PositiveInfinity)]
    public void ToCgcs2000_SwappedOrInvalidCoordinates_FailsWithChineseMessage(double lon, double lat)
    {
        var result = CoordinateTransforms.ToCgcs2000(lon, lat, CoordinateSystem.Gcj02);

        result.IsFailure.ShouldBeTrue();
        result.Error.Message.ShouldContain("不在中国范围内");
    }

    [Fact]
    public void FromCgcs2000_Gcj02_IsTheForwardTransform()
    {
        var point = new GeoPoint(116.404, 39.915);

        CoordinateTransforms.FromCgcs2000(point, CoordinateSystem.Gcj02).ShouldBe(CoordinateTransforms.Wgs84ToGcj02(116.404, 39.915));
        CoordinateTransforms.FromCgcs2000(point, CoordinateSystem.Cgcs2000).ShouldBe((116.404, 39.915));
    }
}

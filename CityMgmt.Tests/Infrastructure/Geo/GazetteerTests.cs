using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Geocoding;
using static CityMgmt.Tests.Infrastructure.Geo.GeoFixture;

namespace CityMgmt.Tests.Infrastructure.Geo;

public sealed class GazetteerTests(SharedGeoFixture shared) : IClassFixture<SharedGeoFixture>
{
    private static readonly GeoPoint Address12 = Near(At(0.4, 1), 0, 18);
    private static readonly GeoPoint Address16 = Near(At(0.8, 1), 0, 18);
    private static readonly GeoPoint Junction = At(2, 1);
    private static readonly GeoPoint School = At(3, 0.5);

    [Theory]
    [InlineData("人民路12号")]
    [InlineData("人民路12号附近")]
    [InlineData(" 人民路１２号 ")]
    [InlineData("示范县人民路12号")]
    [InlineData("示范县城关街道文庙社区人民路12号")]
    [InlineData("四川省成都市示范县人民路12号")]
    [InlineData("成都市武侯区人民路12号")]
    public async Task GeocodeAsync_RoadAndHouseNumber_ReturnsTheAddressPoint(string text)
    {
        var f = shared.Fixture;

        var match = (await f.Geocoder.GeocodeAsync(text))[0];

        Metres(match.Point, Address12).ShouldBeLessThan(0.01);
        match.Description.ShouldBe("人民路12号");
        match.MatchedKind.ShouldBe(GazetteerKind.AddressPoint);
        match.Confidence.ShouldBe(1.0);
    }

    [Fact]
    public async Task GeocodeAsync_MissingNumberBetweenTwoOnTheSameSide_IsInterpolated()
    {
        var f = shared.Fixture;

        var match = (await f.Geocoder.GeocodeAsync("人民路14号")).Single();

        var midway = new GeoPoint((Address12.Longitude + Address16.Longitude) / 2, (Address12.Latitude + Address16.Latitude) / 2);
        Metres(match.Point, midway).ShouldBeLessThan(0.5);
        match.Confidence.ShouldBeLessThan(1.0);
    }

    [Theory]
    [InlineData("示范县第一中学", 1.0)]
    [InlineData("第一中学", 0.9)]
    [InlineData("县一中", 0.95)]
    public async Task GeocodeAsync_PoiNameShortNameOrAlias_ReturnsThePoi(string text, double confidence)
    {
        var f = shared.Fixture;

        var match = (await f.Geocoder.GeocodeAsync(text)).Single();

        Metres(match.Point, School).ShouldBeLessThan(0.01);
        match.Description.ShouldBe("示范县第一中学");
        match.MatchedKind.ShouldBe(GazetteerKind.Poi);
        match.Confidence.ShouldBe(confidence);
    }

    [Fact]
    public async Task GeocodeAsync_RoadAlone_ReturnsItsMidpoint()
    {
        var f = shared.Fixture;

        var match = (await f.Geocoder.GeocodeAsync("人民路")).Single();

        Metres(match.Point, At(2, 1)).ShouldBeLessThan(1);
        match.MatchedKind.ShouldBe(GazetteerKind.Road);
    }

    [Theory]
    [InlineData("人民路与建设路路口")]
    [InlineData("建设路与人民路交叉口")]
    [InlineData("人民路建设路口")]
    [InlineData("人民路口")]
    public async Task GeocodeAsync_Junction_ReturnsTheCrossingOfTheRoads(string text)
    {
        var f = shared.Fixture;

        var match = (await f.Geocoder.GeocodeAsync(text))[0];

        Metres(match.Point, Junction).ShouldBeLessThan(0.01);
        match.MatchedKind.ShouldBe(GazetteerKind.Landmark);
        match.Description.ShouldEndWith("路口");
    }

    [Theory]
    [InlineData("人民路口东50米", 50, 0)]
    [InlineData("人民路与建设路路口北100米", 0, 100)]
    [InlineData("人民路与建设路路口南侧0.2公里", 0, -200)]
    [InlineData("人民路口西约三十米附近", -30, 0)]
    public async Task GeocodeAsync_JunctionDirectionDistance_OffsetsFromTheJunction(string text, double east, double north)
    {
        var f = shared.Fixture;

        var match = (await f.Geocoder.GeocodeAsync(text))[0];

        Metres(match.Point, Near(Junction, east, north)).ShouldBeLessThan(0.5);
        Metres(match.Point, Junction).ShouldBe(Math.Sqrt((east * east) + (north * north)), 0.5);
    }

    [Theory]
    [InlineData("第一中学西南30米")]
    [InlineData("示范县第一中学西南三十米")]
    [InlineData("县一中西南方向30m")]
    public async Task GeocodeAsync_PoiDiagonalDirection_OffsetsAt45Degrees(string text)
    {
        var f = shared.Fixture;

        var match = (await f.Geocoder.GeocodeAsync(text))[0];

        var leg = 30 / Math.Sqrt(2);
        Metres(match.Point, Near(School, -leg, -leg)).ShouldBeLessThan(0.5);
        match.Description.ShouldContain("西南");
    }

    [Fact]
    public async Task GeocodeAsync_LandmarkAndHouseNumberAsAnchor_AcceptDirections()
    {
        var f = shared.Fixture;

        var tower = (await f.Geocoder.GeocodeAsync("钟楼东北20米"))[0];
        var house = (await f.Geocoder.GeocodeAsync("人民路12号北10米"))[0];

        Metres(tower.Point, Near(At(1, 0.2), 20 / Math.Sqrt(2), 20 / Math.Sqrt(2))).ShouldBeLessThan(0.5);
        Metres(house.Point, Near(Address12, 0, 10)).ShouldBeLessThan(0.5);
    }

    [Theory]
    [InlineData("火星基地")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("人民路999号")]
    [InlineData("幸福路12号")]
    [InlineData("火星基地东50米")]
    public async Task GeocodeAsync_UnknownText_ReturnsNothing(string text)
    {
        var f = shared.Fixture;

        (await f.Geocoder.GeocodeAsync(text)).ShouldBeEmpty();
    }

    [Fact]
    public async Task DescribeAsync_NearAnAddressPoint_NamesTheHouseNumber()
    {
        var f = shared.Fixture;

        (await f.Geocoder.DescribeAsync(Near(Address12, 15, 20))).ShouldBe("人民路12号附近");
    }

    [Fact]
    public async Task DescribeAsync_FarFromAddressesButNearARoad_NamesTheRoad()
    {
        var f = shared.Fixture;

        (await f.Geocoder.DescribeAsync(Near(At(2, 3), 60, 0))).ShouldBe("建设路附近");
    }

    [Fact]
    public async Task DescribeAsync_FarFromRoads_NamesTheCommunity()
    {
        var f = shared.Fixture;

        (await f.Geocoder.DescribeAsync(At(3.9, 3.9))).ShouldBe("东湖社区附近");
    }

    [Fact]
    public async Task DescribeAsync_OutsideTheCounty_SaysSo()
    {
        var f = shared.Fixture;

        (await f.Geocoder.DescribeAsync(At(20, 20))).ShouldBe("辖区外");
    }

    private static double Metres(GeoPoint a, GeoPoint b) => GeoMetrics.DistanceMetres(a, b);
}

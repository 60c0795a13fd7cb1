using CityMgmt.Domain.Geocoding;
using static CityMgmt.Tests.Infrastructure.Geo.GeoFixture;

namespace CityMgmt.Tests.Infrastructure.Geo;

public sealed class GeocoderLocateTests(SharedGeoFixture shared) : IClassFixture<SharedGeoFixture>
{
    [Fact]
    public async Task LocateAsync_InsideAGrid_ReturnsGridCommunityStreetAndSupervisor()
    {
        var f = shared.Fixture;

        var location = await f.Geocoder.LocateAsync(At(0.2, 1.8));

        location.GridId.ShouldBe(f.Ids["G1"]);
        location.GridCode.ShouldBe("519901001001001");
        location.CommunityId.ShouldBe(f.Ids["CommunityA"]);
        location.CommunityName.ShouldBe("文庙社区");
        location.StreetId.ShouldBe(f.Ids["StreetA"]);
        location.StreetName.ShouldBe("城关街道");
        location.ResponsibilityGridId.ShouldBe(f.Ids["Area"]);
        location.SupervisorUserId.ShouldBe("sup-1");
        location.SubCentreId.ShouldBeNull();
        location.IsInsideAGrid.ShouldBeTrue();
    }

    [Fact]
    public async Task LocateAsync_StreetWithSubCentre_ReturnsTheSubCentre()
    {
        var f = shared.Fixture;

        var location = await f.Geocoder.LocateAsync(At(3, 1));

        location.GridId.ShouldBe(f.Ids["G3"]);
        location.SubCentreId.ShouldBe(f.Ids["SubCentre"]);
        location.ResponsibilityGridId.ShouldBeNull();
        location.SupervisorUserId.ShouldBeNull();
    }

    [Fact]
    public async Task LocateAsync_InAHoleFilledByAnotherGrid_ReturnsTheFillingGrid()
    {
        var f = shared.Fixture;

        (await f.Geocoder.LocateAsync(At(1, 1))).GridId.ShouldBe(f.Ids["G2"]);
        (await f.Geocoder.LocateAsync(At(0.6, 1.4))).GridId.ShouldBe(f.Ids["G2"]);
        (await f.Geocoder.LocateAsync(At(0.4, 1.4))).GridId.ShouldBe(f.Ids["G1"]);
    }

    [Fact]
    public async Task LocateAsync_InAnEmptyHole_ReturnsNoGridButTheCommunity()
    {
        var f = shared.Fixture;

        var location = await f.Geocoder.LocateAsync(At(3, 3));

        location.GridId.ShouldBeNull();
        location.IsInsideAGrid.ShouldBeFalse();
        location.CommunityId.ShouldBe(f.Ids["CommunityB"]);
        location.StreetName.ShouldBe("东城街道");
        location.SubCentreId.ShouldBe(f.Ids["SubCentre"]);
        (await f.Geocoder.LocateAsync(At(2.2, 3))).GridId.ShouldBe(f.Ids["G4"]);
    }

    [Theory]
    [InlineData(2, 1, "G1")] // on the edge G1 | G3: the lower code
    [InlineData(2, 0.0005, "G1")] // on the edge, near its end
    [InlineData(2, 2, "G1")] // the vertex G1 | G3 | G4
    [InlineData(3, 2, "G3")] // on the edge G3 | G4
    [InlineData(0.5, 1, "G1")] // on the hole's edge G1 | G2
    [InlineData(1.5, 1.5, "G1")] // the hole's corner
    [InlineData(2.5, 3, "G4")] // on the empty hole's edge: still G4
    [InlineData(0, 0, "G1")] // the outer corner of the county
    public async Task LocateAsync_ExactlyOnASharedBoundary_ReturnsTheGridWithTheLowestCode(double x, double y, string expected)
    {
        var f = shared.Fixture;

        var location = await f.Geocoder.LocateAsync(At(x, y));

        location.GridId.ShouldBe(f.Ids[expected]);
    }

    [Theory]
    [InlineData(-0.5, 1)]
    [InlineData(1, 3)]
    [InlineData(4.001, 2)]
    [InlineData(50, 50)]
    public async Task LocateAsync_OutsideEverything_ReturnsOutside(double x, double y)
    {
        var f = shared.Fixture;

        (await f.Geocoder.LocateAsync(At(x, y))).ShouldBe(PointLocation.Outside);
    }

    [Fact]
    public async Task Locate_NotANumber_ReturnsOutside()
    {
        var f = shared.Fixture;
        var index = await f.Geocoder.GetIndexAsync();

        index.Locate(double.NaN, 30.5).ShouldBe(PointLocation.Outside);
        index.Locate(104.001, double.PositiveInfinity).ShouldBe(PointLocation.Outside);
    }
}

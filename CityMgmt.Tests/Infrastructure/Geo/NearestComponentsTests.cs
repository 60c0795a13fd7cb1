using CityMgmt.Domain.Components;
using CityMgmt.Domain.Geo;
using CityMgmt.Infrastructure.Geo;
using static CityMgmt.Tests.Infrastructure.Geo.GeoFixture;

namespace CityMgmt.Tests.Infrastructure.Geo;

public sealed class NearestComponentsTests(NearestComponentsTests.Components shared) : IClassFixture<NearestComponentsTests.Components>
{
    private static readonly GeoPoint Query = At(3, 1);

    [Fact]
    public async Task NearestComponentsAsync_WithinRadius_ReturnsThemNearestFirstWithDistances()
    {
        var (f, ids) = (shared.Fixture, shared.Ids);

        var nearby = await f.Geocoder.NearestComponentsAsync(Query, 50, 10);

        nearby.Select(c => c.Id).ShouldBe([ids["lamp5N"], ids["cover10E"], ids["railing20"], ids["cover30W"]]);
        nearby.Select(c => c.DistanceMetres).ShouldBe([5, 10, 20, 30], tolerance: 0.05);
        nearby[1].Code.ShouldBe("5199010101000001");
        nearby[1].OwnerDepartmentId.ShouldBe(f.Ids["Department"]);
    }

    [Fact]
    public async Task NearestComponentsAsync_ClassFilter_ReturnsOnlyThatClass()
    {
        var (f, ids) = (shared.Fixture, shared.Ids);
        var covers = await f.CategoryIdAsync("01", "01");

        var nearby = await f.Geocoder.NearestComponentsAsync(Query, 100, 10, covers);

        nearby.Select(c => c.Id).ShouldBe([ids["cover10E"], ids["cover30W"], ids["cover80S"]]);
        nearby.ShouldAllBe(c => c.CategoryId == covers);
    }

    [Fact]
    public async Task NearestComponentsAsync_SmallRadiusOrMax_CutsTheList()
    {
        var (f, ids) = (shared.Fixture, shared.Ids);

        (await f.Geocoder.NearestComponentsAsync(Query, 7, 10)).Select(c => c.Id).ShouldBe([ids["lamp5N"]]);
        (await f.Geocoder.NearestComponentsAsync(Query, 1000, 2)).Select(c => c.Id).ShouldBe([ids["lamp5N"], ids["cover10E"]]);
        (await f.Geocoder.NearestComponentsAsync(Query, 4, 10)).ShouldBeEmpty();
        (await f.Geocoder.NearestComponentsAsync(Query, 50, 0)).ShouldBeEmpty();
    }

    [Fact]
    public async Task NearestComponentsAsync_ClassWithoutComponents_ReturnsNothing()
    {
        var f = shared.Fixture;
        var unused = await f.CategoryIdAsync("03", "01");

        (await f.Geocoder.NearestComponentsAsync(Query, 1000, 10, unused)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Nearest_FastPath_FillsTheSpanNearestFirst()
    {
        var (f, ids) = (shared.Fixture, shared.Ids);
        var index = await f.Geocoder.GetIndexAsync();
        var hits = new PointHit[3];

        var count = index.Nearest(Query.Longitude, Query.Latitude, 200, hits);

        count.ShouldBe(3);
        hits.Select(h => index.Component(h).Id).ShouldBe([ids["lamp5N"], ids["cover10E"], ids["railing20"]]);
        index.ComponentCount.ShouldBe(5, "the removed component is not indexed");
    }

    [Fact]
    public async Task Nearest_ComparedWithBruteForce_FindsTheSameComponents()
    {
        await using var f = await CreateAsync();
        var random = new Random(7);
        var points = new List<(Guid Id, GeoPoint Point)>();
        for (var i = 1; i <= 60; i++)
        {
            var p = At(random.NextDouble() * 4, random.NextDouble() * 4);
            points.Add((await f.AddComponentAsync("01", "18", i, PointAt(p)), p));
        }

        var index = await f.Geocoder.GetIndexAsync();
        for (var q = 0; q < 40; q++)
        {
            var query = At((random.NextDouble() * 5) - 0.5, (random.NextDouble() * 5) - 0.5);
            var expected = points.Select(p => (p.Id, D: GeoMetrics.DistanceMetres(query, p.Point)))
                .Where(p => p.D <= 150).OrderBy(p => p.D).Take(5).Select(p => p.Id).ToList();

            index.Nearest(query, 150, 5).Select(c => c.Id).ShouldBe(expected);
        }
    }

    /// <summary>The fixture with the components below, shared by the read-only tests.</summary>
    public sealed class Components : IAsyncLifetime
    {
        public GeoFixture Fixture { get; private set; } = null!;

        public Dictionary<string, Guid> Ids { get; private set; } = [];

        public async Task InitializeAsync()
        {
            Fixture = await CreateAsync();
            Ids = await AddComponentsAsync(Fixture);
        }

        public async Task DisposeAsync() => await Fixture.DisposeAsync();
    }

    /// <summary>Around (3, 1): a lamp 5 m north, covers 10 m east / 30 m west / 80 m south, a railing line centred 20 m east, a removed cover 1 m away.</summary>
    private static async Task<Dictionary<string, Guid>> AddComponentsAsync(GeoFixture f)
    {
        var railingStart = Near(Query, 15, 0);
        var railingEnd = Near(Query, 25, 0);
        return new Dictionary<string, Guid>
        {
            ["cover10E"] = await f.AddComponentAsync("01", "01", 1, PointAt(Near(Query, 10, 0))),
            ["cover30W"] = await f.AddComponentAsync("01", "01", 2, PointAt(Near(Query, -30, 0))),
            ["cover80S"] = await f.AddComponentAsync("01", "01", 3, PointAt(Near(Query, 0, -80))),
            ["lamp5N"] = await f.AddComponentAsync("01", "18", 1, PointAt(Near(Query, 0, 5))),
            ["railing20"] = await f.AddComponentAsync("02", "11", 1, GeoConstants.Factory.CreateLineString(
                [new(railingStart.Longitude, railingStart.Latitude), new(railingEnd.Longitude, railingEnd.Latitude)])),
            ["removed"] = await f.AddComponentAsync("01", "01", 4, PointAt(Near(Query, 1, 0)), ComponentState.Removed),
        };
    }
}

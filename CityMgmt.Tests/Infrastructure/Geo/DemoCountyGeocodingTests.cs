using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Geocoding;
using CityMgmt.Infrastructure.Geo;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;

namespace CityMgmt.Tests.Infrastructure.Geo;

public sealed class DemoCountyGeocodingTests
{
    [Fact]
    public async Task LocateAsync_EachGridCentre_ReturnsThatGridWithItsCommunity()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var grids = await db.Grids.AsNoTracking().ToListAsync();
        var geocoder = services.Services.GetRequiredService<IGeocoder>();

        foreach (var grid in grids)
        {
            var centre = grid.Shape!.Centroid;
            var location = await geocoder.LocateAsync(new GeoPoint(centre.X, centre.Y));

            location.GridId.ShouldBe(grid.Id);
            location.CommunityId.ShouldBe(grid.CommunityId);
            location.StreetId.ShouldBe(grid.StreetId);
        }

        grids.Count.ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task Locate_RandomAndGridLinePoints_AgreesWithBruteForceLowestCodeRule()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var grids = (await db.Grids.AsNoTracking().ToListAsync()).OrderBy(g => g.Code.Value, StringComparer.Ordinal).ToList();
        var index = await services.Services.GetRequiredService<Geocoder>().GetIndexAsync();
        var vertices = grids.SelectMany(g => g.Shape!.Coordinates).Distinct().ToList();
        var random = new Random(42);
        var env = new Envelope();
        grids.ForEach(g => env.ExpandToInclude(g.Shape!.EnvelopeInternal));

        var probes = Enumerable.Range(0, 3000).Select(_ => new Coordinate(
                env.MinX - 0.001 + (random.NextDouble() * (env.Width + 0.002)), env.MinY - 0.001 + (random.NextDouble() * (env.Height + 0.002))))
            .Concat(vertices.Take(600))
            .Concat(vertices.Take(600).Select(v => new Coordinate(v.X, v.Y + (random.NextDouble() * 0.0005)))) // on vertical edges
            .ToList();
        foreach (var probe in probes)
        {
            var point = GeoConstants.Factory.CreatePoint(probe);
            var expected = grids.FirstOrDefault(g => g.Shape!.Covers(point))?.Id;

            index.Locate(probe.X, probe.Y).GridId.ShouldBe(expected, $"at {probe.X:F9},{probe.Y:F9}");
        }
    }

    [Fact]
    public async Task Locate_FromManyThreadsAtOnce_GivesTheSameAnswersAsOneThread()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var index = await services.Services.GetRequiredService<Geocoder>().GetIndexAsync();
        var random = new Random(5);
        var probes = Enumerable.Range(0, 20_000).Select(_ => (X: 103.999 + (random.NextDouble() * 0.015), Y: 30.499 + (random.NextDouble() * 0.008))).ToArray();
        var expected = probes.Select(p => (index.Locate(p.X, p.Y).GridId, Nearest(index, p.X, p.Y))).ToArray();

        var actual = new (Guid?, int)[probes.Length];
        Parallel.For(0, probes.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            actual[i] = (index.Locate(probes[i].X, probes[i].Y).GridId, Nearest(index, probes[i].X, probes[i].Y)));

        actual.ShouldBe(expected);
        expected.Count(e => e.GridId is not null).ShouldBeGreaterThan(8_000);
    }

    [Fact]
    public async Task GeocodeAsync_DemoGazetteer_FindsJunctionsPoisAndHouseNumbers()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var geocoder = services.Services.GetRequiredService<IGeocoder>();

        var junction = (await geocoder.GeocodeAsync("人民路与建设路路口"))[0];
        var east = (await geocoder.GeocodeAsync("人民路与建设路路口东50米"))[0];
        var school = (await geocoder.GeocodeAsync("县一中"))[0];
        var house = (await geocoder.GeocodeAsync("人民路12号"))[0];

        (await geocoder.LocateAsync(junction.Point)).IsInsideAGrid.ShouldBeTrue();
        GeoMetrics.DistanceMetres(junction.Point, east.Point).ShouldBe(50, 0.5);
        school.Description.ShouldBe("示范县第一中学");
        (await geocoder.LocateAsync(school.Point)).IsInsideAGrid.ShouldBeTrue();
        (await geocoder.DescribeAsync(house.Point)).ShouldBe("人民路12号附近");
    }

    [Fact]
    public async Task DemoGazetteer_HouseNumbersEvery30Metres_OddAndEvenOnOppositeSides()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var geocoder = services.Services.GetRequiredService<IGeocoder>();

        var one = (await geocoder.GeocodeAsync("人民路1号")).Single().Point;
        var two = (await geocoder.GeocodeAsync("人民路2号")).Single().Point;
        var three = (await geocoder.GeocodeAsync("人民路3号")).Single().Point;

        GeoMetrics.DistanceMetres(one, three).ShouldBe(30, 0.5);
        GeoMetrics.DistanceMetres(one, two).ShouldBe(24, 0.5);
        one.Latitude.ShouldBeGreaterThan(two.Latitude, "odd numbers on the north side of an east–west road");
    }

    private static int Nearest(SpatialIndex index, double x, double y)
    {
        Span<PointHit> hit = stackalloc PointHit[1];
        return index.Nearest(x, y, 30, hit) == 1 ? hit[0].Item : -1;
    }
}

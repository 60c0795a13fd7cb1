using CityMgmt.Domain.Geocoding;
using CityMgmt.Domain.Grids;
using static CityMgmt.Tests.Infrastructure.Geo.GeoFixture;

namespace CityMgmt.Tests.Infrastructure.Geo;

/// <summary>Tests that change the base data, each on its own database.</summary>
public sealed class GeocoderInvalidateTests
{
    [Fact]
    public async Task Invalidate_AfterANewGridIsSaved_TheNextCallFindsIt()
    {
        await using var f = await CreateAsync();
        (await f.Geocoder.LocateAsync(At(1, 3))).ShouldBe(PointLocation.Outside);
        var before = await f.Geocoder.GetIndexAsync();
        Guid newGrid;
        await using (var db = f.Services.NewDb())
        {
            var community = await db.Divisions.FindAsync(f.Ids["CommunityA"]);
            var grid = UnitGrid.Create(GridCode.Create(community!.Code, 3).Value, "文庙社区003号网格", community, Box(0, 2, 2, 4), 40_000, new DateOnly(2024, 1, 1)).Value;
            db.Grids.Add(grid);
            await db.SaveChangesAsync();
            newGrid = grid.Id;
        }

        (await f.Geocoder.LocateAsync(At(1, 3))).ShouldBe(PointLocation.Outside, "the snapshot is kept until invalidated");
        f.Geocoder.Invalidate();

        (await f.Geocoder.LocateAsync(At(1, 3))).GridId.ShouldBe(newGrid);
        (await f.Geocoder.GetIndexAsync()).ShouldNotBeSameAs(before);
    }

    [Fact]
    public async Task LocateAsync_RetiredGrid_NoLongerAnswers()
    {
        await using var f = await CreateAsync();
        await using (var db = f.Services.NewDb())
        {
            var grid = await db.Grids.FindAsync(f.Ids["G3"]);
            grid!.Retire(new DateOnly(2025, 1, 1)).IsSuccess.ShouldBeTrue();
            await db.SaveChangesAsync();
        }

        var location = await f.Geocoder.LocateAsync(At(3, 1));

        location.GridId.ShouldBeNull();
        location.CommunityId.ShouldBe(f.Ids["CommunityB"]);
    }

    [Fact]
    public async Task GetIndexAsync_ManyCallersAtOnce_BuildOneSnapshot()
    {
        await using var f = await CreateAsync();

        var all = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () => await f.Geocoder.GetIndexAsync())));

        all.Distinct().Count().ShouldBe(1);
        all[0].GridCount.ShouldBe(4);
    }
}

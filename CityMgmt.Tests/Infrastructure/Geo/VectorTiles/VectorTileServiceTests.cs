using CityMgmt.Domain.Components;
using CityMgmt.Infrastructure.Geo.VectorTiles;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CityMgmt.Tests.Infrastructure.Geo.VectorTiles;

public sealed class VectorTileServiceTests
{
    private static readonly DateTimeOffset June10 = new(2025, 6, 10, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Grids_TileCoveringADemoGrid_ContainsItsCodeWithTheGridsExtent()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var grid = await db.Grids.OrderBy(g => g.Code).Skip(7).FirstAsync();
        var centre = grid.Shape!.EnvelopeInternal.Centre;
        var tile = TileAddress.Containing(centre.X, centre.Y, 14);

        var bytes = await services.Get<VectorTileService>().GetAsync(MapLayers.Grids, tile, null);

        var feature = TileDecoding.Features(bytes, tile, MapLayers.Grids).Single(f => f.Text("code") == grid.Code.Value);
        feature.Text("name").ShouldBe(grid.Name);
        var expected = grid.Shape.EnvelopeInternal.Intersection(tile.Bounds(TileFeatureSource.BufferPixels));
        var actual = feature.Geometry.EnvelopeInternal;
        const double pixel = 2e-5; // one of 4096 tile units at z14 is ≈ 1 m
        actual.MinX.ShouldBe(expected.MinX, pixel);
        actual.MaxX.ShouldBe(expected.MaxX, pixel);
        actual.MinY.ShouldBe(expected.MinY, pixel);
        actual.MaxY.ShouldBe(expected.MaxY, pixel);
        feature.Geometry.ShouldBeOfType<Polygon>();
    }

    [Fact]
    public async Task Components_DenseTileAtZ16_HoldsEveryComponentInsideIt()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var sample = await db.Components.Where(c => c.MinX == c.MaxX).OrderBy(c => c.Code).FirstAsync();
        var tile = TileAddress.Containing(sample.MinX, sample.MinY, 16);
        var box = tile.Bounds();
        var inside = await db.Components.Where(c => c.MaxX >= box.MinX && c.MinX <= box.MaxX && c.MaxY >= box.MinY && c.MinY <= box.MaxY)
            .Select(c => c.Code).ToListAsync();

        var bytes = await services.Get<VectorTileService>().GetAsync(MapLayers.Components, tile, null);

        var features = TileDecoding.Features(bytes, tile, MapLayers.Components);
        var codes = features.Select(f => f.Text("code")).ToHashSet();
        inside.Count.ShouldBeGreaterThan(3);
        codes.ShouldContain(sample.Code.Value);
        inside.Select(c => c.Value).ShouldAllBe(c => codes.Contains(c));
        var first = features.Single(f => f.Text("code") == sample.Code.Value);
        first.Text("cls").ShouldBe(sample.Code.MajorClass + sample.Code.MinorClass);
        first.Text("state").ShouldBe(sample.State.ToString());
        first.Text("dept").ShouldNotBeNullOrEmpty();
        first.Geometry.Coordinate.X.ShouldBe(sample.MinX, 1e-5);
        first.Geometry.Coordinate.Y.ShouldBe(sample.MinY, 1e-5);
    }

    [Fact]
    public async Task Components_BelowFullZoom_AreThinnedToOnePerClassAndCell()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var sample = await db.Components.OrderBy(c => c.Code).FirstAsync();
        var tile = TileAddress.Containing(sample.MinX, sample.MinY, 13);
        var box = tile.Bounds();
        var total = await db.Components.CountAsync(c => c.MaxX >= box.MinX && c.MinX <= box.MaxX && c.MaxY >= box.MinY && c.MinY <= box.MaxY);

        var features = TileDecoding.Features(await services.Get<VectorTileService>().RenderAsync(MapLayers.Components, tile, null), tile, MapLayers.Components);

        features.Count.ShouldBeInRange(1, total - 1);
        var codes = features.Select(f => f.Text("code")).ToList();
        var kept = (await db.Components.AsNoTracking().ToListAsync()).Where(c => codes.Contains(c.Code.Value)).ToList();
        kept.Count.ShouldBe(codes.Count);
        kept.GroupBy(c =>
        {
            var (x, y) = tile.PixelOf(c.Shape!.EnvelopeInternal.Centre.X, c.Shape.EnvelopeInternal.Centre.Y);
            return ((int)Math.Floor(x / TileFeatureSource.ThinningCellPixels), (int)Math.Floor(y / TileFeatureSource.ThinningCellPixels), c.Code.MajorClass);
        }).ShouldAllBe(g => g.Count() == 1);
        (await services.Get<VectorTileService>().RenderAsync(MapLayers.Components, tile with { Z = 12, X = tile.X / 2, Y = tile.Y / 2 }, null)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("czry", "SZ")]
    [InlineData("hwcz", "HW")]
    public async Task Cases_DepartmentUser_SeesOnlyItsDepartmentsCases(string user, string department)
    {
        await using var services = await TestServices.FromTemplateAsync();
        var sz = await TestCases.DispatchedAsync(services, "SZ", June10, 90_001);
        var hw = await TestCases.DispatchedAsync(services, "HW", June10, 90_002);
        var tile = TileAddress.Containing(sz.Longitude, sz.Latitude, 15);
        var tiles = services.Get<VectorTileService>();

        var mine = TileDecoding.Features(await tiles.GetAsync(MapLayers.Cases, tile, (await services.StaffAsync(user)).Scope), tile, MapLayers.Cases);
        var all = TileDecoding.Features(await tiles.GetAsync(MapLayers.Cases, tile, (await services.StaffAsync("ld")).Scope), tile, MapLayers.Cases);

        await using var db = services.NewDb();
        var deptId = await db.OrgUnits.Where(o => o.Code == department).Select(o => o.Id).SingleAsync();
        var allowed = await db.Cases.Where(c => c.DepartmentId == deptId).Select(c => c.Id).ToListAsync();
        mine.Select(f => Guid.Parse(f.Text("id"))).ShouldAllBe(id => allowed.Contains(id));
        mine.Select(f => f.Text("id")).ShouldContain((department == "SZ" ? sz : hw).Id.ToString());
        mine.Select(f => f.Text("id")).ShouldNotContain((department == "SZ" ? hw : sz).Id.ToString());
        all.Select(f => f.Text("id")).ShouldContain(sz.Id.ToString());
        all.Select(f => f.Text("id")).ShouldContain(hw.Id.ToString());
        all.Single(f => f.Text("id") == sz.Id.ToString()).Text("number").ShouldBe(sz.Number.Value);
        all.Single(f => f.Text("id") == sz.Id.ToString()).Text("status").ShouldBe("InDisposal");
        (await tiles.GetAsync(MapLayers.Cases, tile, null)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(MapLayers.Grids)]
    [InlineData(MapLayers.Communities)]
    [InlineData(MapLayers.Streets)]
    [InlineData(MapLayers.Components)]
    [InlineData(MapLayers.Cases)]
    public async Task AnyLayer_TileOutsideTheCounty_IsEmpty(string layer)
    {
        await using var services = await TestServices.FromTemplateAsync();
        var beijing = TileAddress.Containing(116.397, 39.909, 16);

        var bytes = await services.Get<VectorTileService>().GetAsync(layer, beijing, (await services.StaffAsync("ld")).Scope);

        bytes.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invalidate_AfterBaseDataChanged_ServesTheNewData()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var tiles = services.Get<VectorTileService>();
        await using var db = services.NewDb();
        var component = await db.Components.Where(c => c.MinX == c.MaxX).OrderBy(c => c.Code).FirstAsync();
        var tile = TileAddress.Containing(component.MinX, component.MinY, 17);
        var before = await tiles.GetAsync(MapLayers.Components, tile, null);
        component.ChangeState(ComponentState.Lost, new DateOnly(2026, 3, 2));
        await db.SaveChangesAsync();

        var cached = await tiles.GetAsync(MapLayers.Components, tile, null);
        tiles.Invalidate();
        var fresh = await tiles.GetAsync(MapLayers.Components, tile, null);

        cached.ShouldBe(before);
        State(before).ShouldNotBe("Lost");
        State(fresh).ShouldBe("Lost");
        string State(byte[] bytes) => TileDecoding.Features(bytes, tile, MapLayers.Components).Single(f => f.Text("code") == component.Code.Value).Text("state");
    }

    [Fact]
    public void TileCache_SetWithAGenerationOlderThanAnInvalidation_KeepsNothing()
    {
        using var cache = new TileCache(Microsoft.Extensions.Options.Options.Create(new MapOptions()));
        var tile = new TileAddress(16, 1, 2);
        var generation = cache.Generation;

        cache.Invalidate();
        cache.Set(MapLayers.Grids, tile, [1, 2, 3], generation);

        cache.TryGet(MapLayers.Grids, tile, out _).ShouldBeFalse();
        cache.Set(MapLayers.Grids, tile, [1, 2, 3], cache.Generation);
        cache.TryGet(MapLayers.Grids, tile, out var kept).ShouldBeTrue();
        kept.ShouldBe(new byte[] { 1, 2, 3 });
    }
}

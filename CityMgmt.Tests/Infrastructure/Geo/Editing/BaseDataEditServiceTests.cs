using CityMgmt.Domain.Components;
using CityMgmt.Domain.Grids;
using CityMgmt.Infrastructure.Geo.Editing;
using CityMgmt.Infrastructure.Geo.VectorTiles;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;

namespace CityMgmt.Tests.Infrastructure.Geo.Editing;

public sealed class BaseDataEditServiceTests
{
    // Demo grid 001 of 文庙社区 sits in the county's south-west corner; 002 is its eastern neighbour in the same community.
    private const string CornerGrid = "519901001001001";
    private const string EastNeighbour = "519901001001002";
    private const double TwentyMetres = 20.0 / 95_900;

    [Fact]
    public async Task ReshapeGrid_OverlappingANeighbour_IsRefusedAndNothingIsSaved()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var (grid, admin, generation) = await ArrangeAsync(services, CornerGrid);

        var result = await services.Get<BaseDataEditService>().ReshapeGridAsync(admin, grid.Id, Shift(grid, east: true, TwentyMetres));

        result.IsFailure.ShouldBeTrue();
        result.Error.Code.ShouldBe("MapEdit.Overlaps");
        result.Error.Message.ShouldContain(EastNeighbour);
        await ShouldBeUnchangedAsync(services, grid, generation);
    }

    [Fact]
    public async Task ReshapeGrid_OutsideItsCommunity_IsRefusedAndNothingIsSaved()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var (grid, admin, generation) = await ArrangeAsync(services, CornerGrid);

        var result = await services.Get<BaseDataEditService>().ReshapeGridAsync(admin, grid.Id, Shift(grid, east: false, -TwentyMetres));

        result.IsFailure.ShouldBeTrue();
        result.Error.Code.ShouldBe("MapEdit.OutsideCommunity");
        result.Error.Message.ShouldContain("文庙社区");
        await ShouldBeUnchangedAsync(services, grid, generation);
    }

    [Fact]
    public async Task ReshapeGrid_SelfIntersectingOrByANonAdmin_IsRefused()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var (grid, admin, generation) = await ArrangeAsync(services, CornerGrid);
        var e = grid.Shape!.EnvelopeInternal;
        double[][] bowTie = [[e.MinX, e.MinY], [e.MaxX, e.MaxY], [e.MaxX, e.MinY], [e.MinX, e.MaxY]];
        var edit = services.Get<BaseDataEditService>();

        (await edit.ReshapeGridAsync(admin, grid.Id, bowTie)).Error.Code.ShouldBe("MapEdit.SelfIntersecting");
        (await edit.ReshapeGridAsync(await services.StaffAsync("ld"), grid.Id, Shift(grid, east: true, -TwentyMetres))).Error.ShouldBe(StaffContext.Forbidden);
        await ShouldBeUnchangedAsync(services, grid, generation);
    }

    [Fact]
    public async Task ReshapeGrid_ShrunkInsideItsCommunity_SavesAuditsAndReassignsComponents()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var (grid, admin, generation) = await ArrangeAsync(services, CornerGrid);
        var cut = grid.MaxX - (3 * TwentyMetres);
        await using (var db = services.NewDb())
        {
            (await db.Components.CountAsync(c => c.GridId == grid.Id && c.MinX > cut)).ShouldBeGreaterThan(0, "the demo grid should have components in the strip");
        }

        var result = await services.Get<BaseDataEditService>().ReshapeGridAsync(admin, grid.Id, Shift(grid, east: true, -3 * TwentyMetres));

        result.IsSuccess.ShouldBeTrue(result.IsFailure ? result.Error.Message : null);
        await using var check = services.NewDb();
        var saved = await check.Grids.SingleAsync(g => g.Id == grid.Id);
        saved.MaxX.ShouldBe(cut, 1e-9);
        saved.AreaSquareMetres.ShouldBe(grid.AreaSquareMetres * 0.4, grid.AreaSquareMetres * 0.02);
        (await check.Components.CountAsync(c => c.GridId == grid.Id && c.MinX > cut)).ShouldBe(0);
        var orphans = await check.Components.Where(c => c.GridId == null).Select(c => c.Id).ToListAsync();
        orphans.Count.ShouldBe(result.Value.ReassignedComponents);
        (await check.ComponentChanges.CountAsync(c => orphans.Contains(c.ComponentId) && c.Source == ComponentChangeSource.Edit)).ShouldBe(orphans.Count);
        (await check.AdminAudit.SingleAsync(a => a.Target == CornerGrid)).Action.ShouldBe("编辑单元网格边界");
        services.Services.GetRequiredService<TileCache>().Generation.ShouldBeGreaterThan(generation);
    }

    [Fact]
    public async Task ReshapeGrid_VertexDroppedJustOffTheSharedBoundary_IsSnappedOntoItAndSaved()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var (grid, admin, _) = await ArrangeAsync(services, CornerGrid);
        var halfMetre = 0.5 / 110_574;
        var ring = Shift(grid, east: true, -3 * TwentyMetres);
        ring[1][1] -= halfMetre; // the south-east corner lands half a metre outside the community, as a mouse would put it

        var result = await services.Get<BaseDataEditService>().ReshapeGridAsync(admin, grid.Id, ring);

        result.IsSuccess.ShouldBeTrue(result.IsFailure ? result.Error.Message : null);
        await using var check = services.NewDb();
        (await check.Grids.SingleAsync(g => g.Id == grid.Id)).MinY.ShouldBe(grid.MinY);
    }

    [Fact]
    public async Task MoveComponent_IntoAnotherGrid_ReassignsTheGridAndWritesAComponentChange()
    {
        var clock = TestClock.Create();
        await using var services = await TestServices.FromTemplateAsync(clock);
        var (grid, admin, generation) = await ArrangeAsync(services, CornerGrid);
        await using var db = services.NewDb();
        var component = await db.Components.AsNoTracking().Where(c => c.GridId == grid.Id && c.MinX == c.MaxX).OrderBy(c => c.Code).FirstAsync();
        var target = await db.Grids.AsNoTracking().SingleAsync(g => g.Code == GridCode.Parse(EastNeighbour).Value);
        var centre = target.Shape!.EnvelopeInternal.Centre;

        var result = await services.Get<BaseDataEditService>().MoveComponentAsync(admin, component.Id, centre.X, centre.Y);

        result.IsSuccess.ShouldBeTrue(result.IsFailure ? result.Error.Message : null);
        result.Value.GridCode.ShouldBe(EastNeighbour);
        await using var check = services.NewDb();
        var moved = await check.Components.SingleAsync(c => c.Id == component.Id);
        moved.GridId.ShouldBe(target.Id);
        ((Point)moved.Shape!).X.ShouldBe(centre.X, 1e-9);
        (moved.MinX, moved.MinY).ShouldBe((centre.X, centre.Y));
        moved.ChangeDate.ShouldBe(new DateOnly(2026, 3, 2));
        var change = await check.ComponentChanges.SingleAsync(c => c.ComponentId == component.Id);
        (change.Kind, change.Source, change.ActorName).ShouldBe((ComponentChangeKind.Moved, ComponentChangeSource.Edit, admin.DisplayName));
        change.OldValue!.ShouldContain(CornerGrid);
        change.NewValue!.ShouldContain(EastNeighbour);
        var audit = await check.AdminAudit.SingleAsync(a => a.Target == component.Code.Value);
        audit.Action.ShouldBe("移动部件");
        audit.Detail!.ShouldContain($"→ {change.NewValue}");
        services.Services.GetRequiredService<TileCache>().Generation.ShouldBeGreaterThan(generation);
    }

    [Fact]
    public async Task MoveComponent_OutsideChina_IsRefusedAndNothingIsSaved()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var (grid, admin, generation) = await ArrangeAsync(services, CornerGrid);
        await using var db = services.NewDb();
        var component = await db.Components.AsNoTracking().Where(c => c.GridId == grid.Id).OrderBy(c => c.Code).FirstAsync();

        var result = await services.Get<BaseDataEditService>().MoveComponentAsync(admin, component.Id, 2.35, 48.85);

        result.Error.Code.ShouldBe("Geo.OutsideChina");
        await using var check = services.NewDb();
        var after = await check.Components.SingleAsync(c => c.Id == component.Id);
        after.Shape!.EqualsExact(component.Shape).ShouldBeTrue();
        (after.GridId, after.ChangeDate, after.Version).ShouldBe((component.GridId, component.ChangeDate, component.Version));
        (await check.ComponentChanges.AnyAsync()).ShouldBeFalse();
        (await check.AdminAudit.AnyAsync(a => a.Target == component.Code.Value)).ShouldBeFalse();
        services.Services.GetRequiredService<TileCache>().Generation.ShouldBe(generation);
    }

    private static async Task<(UnitGrid Grid, StaffContext Admin, long Generation)> ArrangeAsync(TestServices services, string code)
    {
        await using var db = services.NewDb();
        var grid = await db.Grids.AsNoTracking().SingleAsync(g => g.Code == GridCode.Parse(code).Value);
        return (grid, await services.StaffAsync("admin"), services.Services.GetRequiredService<TileCache>().Generation);
    }

    /// <summary>The grid's ring with its east (or west) edge moved by <paramref name="dx"/> degrees.</summary>
    private static double[][] Shift(UnitGrid grid, bool east, double dx)
    {
        var edge = east ? grid.MaxX : grid.MinX;
        return [.. ((Polygon)grid.Shape!).ExteriorRing.Coordinates.Select(c => new[] { c.X == edge ? c.X + dx : c.X, c.Y })];
    }

    private static async Task ShouldBeUnchangedAsync(TestServices services, UnitGrid grid, long generation)
    {
        await using var db = services.NewDb();
        var after = await db.Grids.AsNoTracking().SingleAsync(g => g.Id == grid.Id);
        after.Shape!.EqualsExact(grid.Shape).ShouldBeTrue();
        (after.Version, after.AreaSquareMetres).ShouldBe((grid.Version, grid.AreaSquareMetres));
        (await db.AdminAudit.AnyAsync(a => a.Target == grid.Code.Value)).ShouldBeFalse();
        (await db.ComponentChanges.AnyAsync()).ShouldBeFalse();
        services.Services.GetRequiredService<TileCache>().Generation.ShouldBe(generation);
    }
}

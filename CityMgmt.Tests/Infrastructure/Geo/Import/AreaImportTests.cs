using CityMgmt.Domain.Divisions;
using CityMgmt.Domain.Grids;
using CityMgmt.Infrastructure.Geo.Import;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using static CityMgmt.Tests.Infrastructure.Geo.Import.ImportHost;

namespace CityMgmt.Tests.Infrastructure.Geo.Import;

/// <summary>Unit grids and communities: codes, parents, topology (no overlap, inside the parent).</summary>
public sealed class AreaImportTests
{
    private const string TestCommunity = "519901001009";

    // The demo county's 100 m cells (DemoLayout): column c, row r from the origin 104.0/30.5.
    private static double X(double c) => Math.Round(104.0 + (c * 100.0 / 95_900), 7);

    private static double Y(double r) => Math.Round(30.5 + (r * 100.0 / 110_900), 7);

    private static Polygon Cell(double c, double r, double width = 1) => ImportFiles.Box(X(c), Y(r), X(c + width), Y(r + 1));

    /// <summary>A community west of the county town, cells −2 … +1 of row 0: its east half covers the demo grid 519901001001001.</summary>
    private static async Task AddTestCommunityAsync(TestServices services)
    {
        await using var db = services.NewDb();
        var street = await db.Divisions.SingleAsync(d => d.Code == "519901001");
        db.Divisions.Add(AdminDivision.Create(TestCommunity, "测试社区", DivisionLevel.Community, street, ImportFiles.Box(X(-2), Y(0), X(2), Y(1))).Value);
        await db.SaveChangesAsync();
    }

    private static (Geometry?, Dictionary<string, object?>) Grid(string code, Polygon shape, string? name = null) =>
        (shape, new Dictionary<string, object?> { ["BGID"] = code, ["Name"] = name, ["ORDate"] = "2024-01-01", ["备注"] = "测试" });

    [Fact]
    public async Task ImportAsync_GoodGrids_StoredWithCommunityAreaAndNote()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await AddTestCommunityAsync(services);
        var before = await CountsAsync(services);
        var file = ImportFiles.GeoJson(Grid(TestCommunity + "001", Cell(-2, 0), "一号网格"), Grid(TestCommunity + "002", Cell(-1, 0)));

        var report = (await ImportAsync(services, BaseDataKind.Grid, BaseDataFormat.GeoJson, file, "grids.geojson")).Ok();

        report.Created.ShouldBe(2);
        (await CountsAsync(services)).Grids.ShouldBe(before.Grids + 2);
        await using var db = services.NewDb();
        var community = await db.Divisions.SingleAsync(d => d.Code == TestCommunity);
        var grids = await db.Grids.AsNoTracking().Where(g => g.CommunityId == community.Id).OrderBy(g => g.Code).ToListAsync();
        grids.Select(g => g.Name).ShouldBe(["一号网格", "测试社区002号网格"]);
        grids[0].StreetId.ShouldBe(community.ParentId!.Value);
        grids[0].AreaSquareMetres.ShouldBe(10_000, 150);
        grids[0].Note.ShouldBe("测试");
        grids[0].StartDate.ShouldBe(new DateOnly(2024, 1, 1));
    }

    [Fact]
    public async Task ImportAsync_GridOverlappingStoredGrid_RefusedAndNothingWritten()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await AddTestCommunityAsync(services);
        var before = await CountsAsync(services);
        var file = ImportFiles.GeoJson(Grid(TestCommunity + "001", Cell(-2, 0)), Grid(TestCommunity + "003", Cell(-0.5, 0)));

        var report = (await ImportAsync(services, BaseDataKind.Grid, BaseDataFormat.GeoJson, file, "grids.geojson")).Ok();

        report.Committed.ShouldBeFalse();
        var error = report.Errors.ShouldHaveSingleItem();
        (error.Row, error.Code).ShouldBe((2, TestCommunity + "003"));
        error.Message.ShouldContain("与单元网格 519901001001001 重叠约");
        (await CountsAsync(services)).ShouldBe(before);
    }

    [Fact]
    public async Task ImportAsync_GridsOverlappingEachOther_SecondRefused()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await AddTestCommunityAsync(services);
        var file = ImportFiles.GeoJson(Grid(TestCommunity + "001", Cell(-2, 0)), Grid(TestCommunity + "002", Cell(-1.9, 0, 0.5)));

        var report = (await ImportAsync(services, BaseDataKind.Grid, BaseDataFormat.GeoJson, file, "grids.geojson", ImportMode.SkipInvalidRows)).Ok();

        report.Created.ShouldBe(1);
        report.Errors.ShouldHaveSingleItem().Message.ShouldContain($"与单元网格 {TestCommunity}001 重叠");
    }

    [Fact]
    public async Task ImportAsync_SharedEdgeAndSliverWithinTolerance_Accepted()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await AddTestCommunityAsync(services);
        var sliver = ImportFiles.Box(X(-1) - 0.0000001, Y(0), X(0), Y(1)); // ≈ 1 cm × 100 m = 1 m² of overlap
        var file = ImportFiles.GeoJson(Grid(TestCommunity + "001", Cell(-2, 0)), Grid(TestCommunity + "002", sliver));

        (await ImportAsync(services, BaseDataKind.Grid, BaseDataFormat.GeoJson, file, "grids.geojson")).Ok().Created.ShouldBe(2);
    }

    [Theory]
    [InlineData(TestCommunity + "004", -3, "网格超出所属社区“测试社区”的边界约")]
    [InlineData("519901001099001", -2, "对应的社区不存在")]
    [InlineData("51990100100900", -2, "必须是15位数字")]
    public async Task ImportAsync_BadGrid_RefusedWithReason(string code, double column, string expected)
    {
        await using var services = await TestServices.FromTemplateAsync();
        await AddTestCommunityAsync(services);
        var before = await CountsAsync(services);

        var report = (await ImportAsync(services, BaseDataKind.Grid, BaseDataFormat.GeoJson, ImportFiles.GeoJson(Grid(code, Cell(column, 0))), "g.geojson")).Ok();

        report.Errors.ShouldHaveSingleItem().Message.ShouldContain(expected);
        (await CountsAsync(services)).ShouldBe(before);
    }

    [Fact]
    public async Task ImportAsync_GridSelfIntersecting_Refused()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await AddTestCommunityAsync(services);

        var report = (await ImportAsync(services, BaseDataKind.Grid, BaseDataFormat.GeoJson,
            ImportFiles.GeoJson(Grid(TestCommunity + "001", ImportFiles.BowTie(X(-2), Y(0), 0.0005))), "g.geojson")).Ok();

        report.Errors.ShouldHaveSingleItem().Message.ShouldContain("多边形自相交");
    }

    [Fact]
    public async Task ImportAsync_StoredGridAgain_UpdatesNameWithoutOverlappingItself()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var before = await CountsAsync(services);
        await using var db = services.NewDb();
        var code = GridCode.Parse("519901001001001").Value;
        var stored = await db.Grids.AsNoTracking().SingleAsync(g => g.Code == code);

        var report = (await ImportAsync(services, BaseDataKind.Grid, BaseDataFormat.GeoJson,
            ImportFiles.GeoJson(Grid(code.Value, (Polygon)stored.Shape!, "改名网格")), "g.geojson")).Ok();

        report.Updated.ShouldBe(1);
        (await CountsAsync(services)).Grids.ShouldBe(before.Grids);
        (await db.Grids.AsNoTracking().SingleAsync(g => g.Code == code)).Name.ShouldBe("改名网格");
    }

    [Fact]
    public async Task ImportAsync_CommunityUnderStreetWithoutBoundary_Created()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using (var db = services.NewDb())
        {
            var county = await db.Divisions.SingleAsync(d => d.Level == DivisionLevel.County);
            db.Divisions.Add(AdminDivision.Create("519901009", "新区街道", DivisionLevel.Street, county).Value);
            await db.SaveChangesAsync();
        }

        var file = ImportFiles.GeoJson((ImportFiles.Box(X(-10), Y(-10), X(-8), Y(-8)), new Dictionary<string, object?> { ["社区代码"] = "519901009001", ["社区名称"] = "新区社区" }));

        (await ImportAsync(services, BaseDataKind.Community, BaseDataFormat.GeoJson, file, "c.geojson")).Ok().Created.ShouldBe(1);

        await using var check = services.NewDb();
        var community = await check.Divisions.SingleAsync(d => d.Code == "519901009001");
        (community.Name, community.Level).ShouldBe(("新区社区", DivisionLevel.Community));
    }

    [Fact]
    public async Task ImportAsync_CommunityOutsideItsStreetOrOverlapping_Refused()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var file = ImportFiles.GeoJson(
            (ImportFiles.Box(X(-10), Y(0), X(-8), Y(1)), new Dictionary<string, object?> { ["Code"] = "519901001011", ["Name"] = "外面社区" }),
            (ImportFiles.Box(X(0), Y(0), X(1), Y(1)), new Dictionary<string, object?> { ["Code"] = "519901001012", ["Name"] = "重叠社区" }));

        var report = (await ImportAsync(services, BaseDataKind.Community, BaseDataFormat.GeoJson, file, "c.geojson")).Ok();

        report.Errors.Select(e => e.Row).ShouldBe([1, 2]);
        report.Errors[0].Message.ShouldContain("社区超出所属街道(乡镇)“西城街道”的边界");
        report.Errors[1].Message.ShouldContain("与社区 519901001001 重叠");
    }
}

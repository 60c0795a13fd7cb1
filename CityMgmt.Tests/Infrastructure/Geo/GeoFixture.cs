using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Components;
using CityMgmt.Domain.Divisions;
using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Geocoding;
using CityMgmt.Domain.Grids;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Geo;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;

namespace CityMgmt.Tests.Infrastructure.Geo;

/// <summary>
/// A hand-made county in an empty database, on a lattice of 0.001° (≈ 96 m east, 111 m north) from
/// 104°E 30.5°N (coordinates in lattice units below):
/// <code>
///  4 +---------+---------+     G1 519901001001001: [0,2]×[0,2] with a hole [0.5,1.5]² filled by
///    |         |  G4     |        G2 519901001001002
///  2 +---------+ (hole)  |     G3 519901002001001: [2,4]×[0,2], shares the edge x = 2 with G1
///    | G1 [G2] |  G3     |     G4 519901002001002: [2,4]×[2,4] with an empty hole [2.5,3.5]²
///  0 +---------+---------+     communities/streets: 文庙社区/城关街道 = [0,2]², 东湖社区/东城街道 = [2,4]×[0,4]
///    0         2         4     人民路 on y = 1 (x 0→4), 建设路 on x = 2 (y 0→4)
/// </code>
/// G1 belongs to 文庙责任网格 (supervisor "sup-1"); 东城街道 has the sub-centre 东城分中心.
/// </summary>
public sealed class GeoFixture : IAsyncDisposable
{
    public const double Unit = 0.001;

    private GeoFixture(TestServices services) => Services = services;

    public TestServices Services { get; }

    public Geocoder Geocoder => Services.Services.GetRequiredService<Geocoder>();

    public Dictionary<string, Guid> Ids { get; } = [];

    public static double X(double u) => Math.Round(104.0 + (u * Unit), 7);

    public static double Y(double u) => Math.Round(30.5 + (u * Unit), 7);

    public static GeoPoint At(double ux, double uy) => new(X(ux), Y(uy));

    /// <summary>A point <paramref name="east"/>/<paramref name="north"/> metres from a lattice point.</summary>
    public static GeoPoint Near(GeoPoint origin, double east, double north)
    {
        var (lon, lat) = GeoMetrics.Offset(origin.Longitude, origin.Latitude, east, north);
        return new GeoPoint(lon, lat);
    }

    public static Polygon Box(double x0, double y0, double x1, double y1, params (double X0, double Y0, double X1, double Y1)[] holes)
    {
        LinearRing Ring(double a0, double b0, double a1, double b1) => GeoConstants.Factory.CreateLinearRing(
            [new(X(a0), Y(b0)), new(X(a1), Y(b0)), new(X(a1), Y(b1)), new(X(a0), Y(b1)), new(X(a0), Y(b0))]);
        return GeoConstants.Factory.CreatePolygon(Ring(x0, y0, x1, y1), holes.Select(h => Ring(h.X0, h.Y0, h.X1, h.Y1)).ToArray());
    }

    public static async Task<GeoFixture> CreateAsync()
    {
        var fixture = new GeoFixture(await TestServices.CreateEmptyAsync());
        await using var db = fixture.Services.NewDb();
        var county = AdminDivision.Create("519901", "示范县", DivisionLevel.County, null).Value;
        var streetA = AdminDivision.Create("519901001", "城关街道", DivisionLevel.Street, county, Box(0, 0, 2, 2)).Value;
        var streetB = AdminDivision.Create("519901002", "东城街道", DivisionLevel.Street, county, Box(2, 0, 4, 4)).Value;
        var communityA = AdminDivision.Create("519901001001", "文庙社区", DivisionLevel.Community, streetA, Box(0, 0, 2, 2)).Value;
        var communityB = AdminDivision.Create("519901002001", "东湖社区", DivisionLevel.Community, streetB, Box(2, 0, 4, 4)).Value;
        db.Divisions.AddRange(county, streetA, streetB, communityA, communityB);

        var area = ResponsibilityGrid.Create("ZR001", "文庙责任网格", streetA.Id).Value;
        area.AssignSupervisor("sup-1");
        db.ResponsibilityGrids.Add(area);
        var subCentre = OrgUnit.Create("FZX002", "东城分中心", OrgUnitKind.SubCentre, streetB.Id).Value;
        var department = OrgUnit.Create("SZ-T", "市政所", OrgUnitKind.Department).Value;
        db.OrgUnits.AddRange(subCentre, department);

        var g1 = Grid(communityA, 1, Box(0, 0, 2, 2, (0.5, 0.5, 1.5, 1.5)));
        g1.AssignTo(area);
        var g2 = Grid(communityA, 2, Box(0.5, 0.5, 1.5, 1.5));
        var g3 = Grid(communityB, 1, Box(2, 0, 4, 2));
        var g4 = Grid(communityB, 2, Box(2, 2, 4, 4, (2.5, 2.5, 3.5, 3.5)));
        db.Grids.AddRange(g1, g2, g3, g4);
        db.Gazetteer.AddRange(Gazetteer());
        await db.SaveChangesAsync();

        foreach (var (key, id) in new[]
        {
            ("G1", g1.Id), ("G2", g2.Id), ("G3", g3.Id), ("G4", g4.Id), ("StreetA", streetA.Id), ("StreetB", streetB.Id),
            ("CommunityA", communityA.Id), ("CommunityB", communityB.Id), ("Area", area.Id), ("SubCentre", subCentre.Id), ("Department", department.Id),
        })
        {
            fixture.Ids[key] = id;
        }

        return fixture;
    }

    /// <summary>Adds a component of class <paramref name="major"/>.<paramref name="minor"/>; returns its id.</summary>
    public async Task<Guid> AddComponentAsync(string major, string minor, int sequence, Geometry shape, ComponentState state = ComponentState.Intact)
    {
        await using var db = Services.NewDb();
        var category = await CategoryAsync(db, major, minor);
        var input = new NewComponent(
            ComponentCode.Create("519901", major, minor, sequence, ComponentCodeScheme.Standard16).Value, category.Name, Ids["Department"], shape,
            new DateOnly(2024, 1, 1), State: state);
        var component = CityComponent.Create(input, category).Value;
        db.Components.Add(component);
        await db.SaveChangesAsync();
        return component.Id;
    }

    public async Task<Guid> CategoryIdAsync(string major, string minor)
    {
        await using var db = Services.NewDb();
        return (await CategoryAsync(db, major, minor)).Id;
    }

    public static Point PointAt(GeoPoint p) => GeoConstants.Factory.CreatePoint(new Coordinate(p.Longitude, p.Latitude));

    public ValueTask DisposeAsync() => Services.DisposeAsync();

    private static Task<Category> CategoryAsync(CityDbContext db, string major, string minor) =>
        db.Categories.SingleAsync(c => c.Kind == CategoryKind.Component && c.MajorCode == major && c.MinorCode == minor);

    private static UnitGrid Grid(AdminDivision community, int sequence, Polygon shape) =>
        UnitGrid.Create(GridCode.Create(community.Code, sequence).Value, $"{community.Name}{sequence:D3}号网格", community, shape,
            GeoMetrics.AreaSquareMetres(shape), new DateOnly(2024, 1, 1)).Value;

    /// <summary>
    /// 人民路 (y = 1) with 12号 and 16号 18 m north of it at x = 0.4 and 0.8, 11号 on the south side;
    /// 建设路 (x = 2); 示范县第一中学 (alias 县一中) at (3, 0.5); the landmark 钟楼 at (1, 0.2).
    /// </summary>
    private static IEnumerable<GazetteerEntry> Gazetteer()
    {
        var line = (double x0, double y0, double x1, double y1) =>
            GeoConstants.Factory.CreateLineString([new(X(x0), Y(y0)), new(X(x1), Y(y1))]);
        yield return GazetteerEntry.Create(GazetteerKind.Road, "人民路", line(0, 1, 4, 1)).Value;
        yield return GazetteerEntry.Create(GazetteerKind.Road, "建设路", line(2, 0, 2, 4)).Value;
        yield return Address(12, Near(At(0.4, 1), 0, 18));
        yield return Address(16, Near(At(0.8, 1), 0, 18));
        yield return Address(11, Near(At(0.4, 1), 0, -18));
        yield return GazetteerEntry.Create(GazetteerKind.Poi, "示范县第一中学", PointAt(At(3, 0.5)), aliases: "县一中,一中").Value;
        yield return GazetteerEntry.Create(GazetteerKind.Landmark, "钟楼", PointAt(At(1, 0.2))).Value;
    }

    private static GazetteerEntry Address(int number, GeoPoint point) =>
        GazetteerEntry.Create(GazetteerKind.AddressPoint, $"人民路{number}号", PointAt(point), "人民路", number).Value;
}

/// <summary>One <see cref="GeoFixture"/> shared by the read-only tests of a class (an empty database costs seconds).</summary>
public sealed class SharedGeoFixture : IAsyncLifetime
{
    public GeoFixture Fixture { get; private set; } = null!;

    public async Task InitializeAsync() => Fixture = await GeoFixture.CreateAsync();

    public async Task DisposeAsync() => await Fixture.DisposeAsync();
}

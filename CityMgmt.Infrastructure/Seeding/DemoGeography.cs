using CityMgmt.Domain.Divisions;
using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Grids;
using NetTopologySuite.Geometries;

namespace CityMgmt.Infrastructure.Seeding;

/// <summary>Builds the demo county's divisions and unit grids in memory (no I/O).</summary>
internal sealed class DemoGeography
{
    private static readonly DateOnly GridStart = new(2020, 1, 1);

    public List<AdminDivision> Divisions { get; } = [];

    public List<UnitGrid> Grids { get; } = [];

    public List<ResponsibilityGrid> ResponsibilityAreas { get; } = [];

    public AdminDivision County { get; private set; } = null!;

    /// <summary>Street-level divisions that are townships (镇), each getting a sub-centre.</summary>
    public List<AdminDivision> Townships { get; } = [];

    public static DemoGeography Build(DemoLayout layout)
    {
        var geo = new DemoGeography();
        geo.County = AdminDivision.Create(DemoLayout.CountyCode, DemoLayout.CountyName, DivisionLevel.County, null).Value;
        geo.Divisions.Add(geo.County);

        var streetColumns = layout.TownColumns / DemoLayout.UrbanStreets.Length;
        var communityIndex = 0;
        for (var s = 0; s < DemoLayout.UrbanStreets.Length; s++)
        {
            var (code, name) = DemoLayout.UrbanStreets[s];
            var rowsPerCommunity = layout.TownRows / layout.CommunitiesPerStreet;
            var street = geo.AddStreet(code, name, false, Cells(s * streetColumns, 0, streetColumns, layout.TownRows, 0, 0));
            for (var c = 0; c < layout.CommunitiesPerStreet; c++)
            {
                geo.AddCommunity(street, c + 1, DemoLayout.CommunityNames[communityIndex++ % DemoLayout.CommunityNames.Length] + "社区",
                    s * streetColumns, c * rowsPerCommunity, streetColumns, rowsPerCommunity, 0, 0);
            }
        }

        foreach (var (code, name, dx, dy) in DemoLayout.Townships)
        {
            var side = layout.TownshipSide;
            var street = geo.AddStreet(code, name, true, Cells(0, 0, side, side, dx, dy));
            geo.Townships.Add(street);
            geo.AddCommunity(street, 1, name[..2] + "场镇社区", 0, 0, side, side / 2, dx, dy);
            geo.AddCommunity(street, 2, name[..2] + "街村", 0, side / 2, side, side - (side / 2), dx, dy);
        }

        geo.County.SetBoundary(new MultiPolygon(geo.Divisions.Where(d => d.Level == DivisionLevel.Street)
            .Select(d => (Polygon)d.Shape!).ToArray(), GeoConstants.Factory));
        return geo;
    }

    private AdminDivision AddStreet(string code, string name, bool township, Polygon boundary)
    {
        var street = AdminDivision.Create(County.Code + code, name, DivisionLevel.Street, County, boundary, township).Value;
        Divisions.Add(street);
        return street;
    }

    private void AddCommunity(AdminDivision street, int number, string name, int col, int row, int cols, int rows, double dxKm, double dyKm)
    {
        var community = AdminDivision.Create($"{street.Code}{number:D3}", name, DivisionLevel.Community, street, Cells(col, row, cols, rows, dxKm, dyKm)).Value;
        Divisions.Add(community);
        var area = ResponsibilityGrid.Create($"ZR{community.Code[6..]}", name + "责任网格", street.Id).Value;
        area.AssignSupervisor(DemoCountySeeder.DemoUserId("jdy"));
        ResponsibilityAreas.Add(area);
        var sequence = 0;
        for (var r = row; r < row + rows; r++)
        {
            for (var c = col; c < col + cols; c++)
            {
                var code = GridCode.Create(community.Code, ++sequence).Value;
                var cell = Cells(c, r, 1, 1, dxKm, dyKm);
                var grid = UnitGrid.Create(code, $"{name}{sequence:D3}号网格", community, cell, SquareMetres(cell), GridStart, street.Name).Value;
                grid.AssignTo(area);
                Grids.Add(grid);
            }
        }
    }

    /// <summary>A rectangle of <paramref name="cols"/> × <paramref name="rows"/> 100 m cells, shifted by whole kilometres.</summary>
    private static Polygon Cells(int col, int row, int cols, int rows, double dxKm, double dyKm)
    {
        // Every corner comes from one formula, rounded to ~1 cm, so neighbours share edges exactly.
        double X(int c) => Math.Round(DemoLayout.OriginLon + (dxKm * 10 * DemoLayout.CellLon) + (c * DemoLayout.CellLon), 7);
        double Y(int r) => Math.Round(DemoLayout.OriginLat + (dyKm * 10 * DemoLayout.CellLat) + (r * DemoLayout.CellLat), 7);
        var (x0, y0, x1, y1) = (X(col), Y(row), X(col + cols), Y(row + rows));
        return GeoConstants.Factory.CreatePolygon([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);
    }

    /// <summary>Area in the CGCS2000 Gauss-Krüger 3° zone, as surveyed areas are stated.</summary>
    private static double SquareMetres(Polygon cell) => GeoMetrics.AreaSquareMetres(cell);
}

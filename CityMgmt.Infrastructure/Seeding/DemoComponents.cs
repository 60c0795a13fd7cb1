using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Components;
using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Grids;
using NetTopologySuite.Geometries;

namespace CityMgmt.Infrastructure.Seeding;

/// <summary>Generates the demo components: a plausible mix of classes scattered over the unit grids.</summary>
internal static class DemoComponents
{
    /// <summary>Relative shares by class code (major+minor); what a county town's census typically holds.</summary>
    private static readonly (string Code, double Share)[] Mix =
    [
        ("0101", 6), ("0102", 8), ("0103", 8), ("0104", 9), ("0105", 4), ("0106", 1), ("0107", 4), ("0108", 1),
        ("0109", 1), ("0111", 3), ("0113", 1), ("0115", 1), ("0117", 3), ("0118", 9), ("0119", 0.5), ("0120", 2),
        ("0121", 0.1), ("0123", 0.1), ("0126", 0.3), ("0134", 0.5), ("0136", 0.5), ("0138", 0.05),
        ("0201", 0.1), ("0203", 0.3), ("0209", 3), ("0210", 0.5), ("0211", 1.5), ("0212", 1), ("0213", 1.5),
        ("0301", 0.2), ("0305", 7), ("0306", 0.5), ("0307", 4),
        ("0402", 17), ("0403", 1), ("0405", 1), ("0406", 0.05), ("0407", 1), ("0408", 0.5),
        ("0501", 0.5), ("0602", 0.05), ("0604", 0.2),
    ];

    private static readonly string[] Maintainers = ["示范县城投养护有限公司", "示范县市政工程公司", "示范县绿化工程公司"];

    public static IEnumerable<CityComponent> Generate(
        DemoLayout layout, IReadOnlyList<UnitGrid> grids, IReadOnlyDictionary<string, Category> classes,
        IReadOnlyDictionary<Guid, string> departmentNames, Guid fallbackDepartment, Random random)
    {
        var total = Mix.Sum(m => m.Share);
        foreach (var (code, share) in Mix)
        {
            if (!classes.TryGetValue(code, out var category))
            {
                continue;
            }

            var count = (int)Math.Round(layout.Components * share / total);
            var owner = category.DefaultDepartmentId ?? fallbackDepartment;
            var ownerName = departmentNames.GetValueOrDefault(owner);
            for (var sequence = 1; sequence <= count; sequence++)
            {
                var grid = grids[random.Next(grids.Count)];
                var input = new NewComponent(
                    ComponentCode.Create(DemoLayout.CountyCode, category.MajorCode, category.MinorCode!, sequence, ComponentCodeScheme.Standard16).Value,
                    category.Name,
                    owner,
                    Shape(grid, code, random),
                    new DateOnly(2019, 1, 1).AddDays(random.Next(2000)),
                    grid.Id,
                    State(random),
                    ownerName,
                    Maintainers[random.Next(Maintainers.Length)],
                    "2020年部件普查");
                yield return CityComponent.Create(input, category).Value;
            }
        }
    }

    private static ComponentState State(Random random) => random.Next(100) switch
    {
        < 92 => ComponentState.Intact,
        < 97 => ComponentState.Damaged,
        < 99 => ComponentState.Lost,
        _ => ComponentState.Abandoned,
    };

    private static Geometry Shape(UnitGrid grid, string code, Random random)
    {
        var x = grid.MinX + ((grid.MaxX - grid.MinX) * (0.1 + (random.NextDouble() * 0.7)));
        var y = grid.MinY + ((grid.MaxY - grid.MinY) * (0.1 + (random.NextDouble() * 0.7)));
        var dx = (grid.MaxX - grid.MinX) * 0.15;
        var dy = (grid.MaxY - grid.MinY) * 0.15;
        return code switch
        {
            "0211" or "0408" or "0604" => GeoConstants.Factory.CreateLineString([new(x, y), new(x + dx, y)]),
            "0405" or "0602" or "0201" => GeoConstants.Factory.CreatePolygon([new(x, y), new(x + dx, y), new(x + dx, y + dy), new(x, y + dy), new(x, y)]),
            _ => GeoConstants.Factory.CreatePoint(new Coordinate(x, y)),
        };
    }
}

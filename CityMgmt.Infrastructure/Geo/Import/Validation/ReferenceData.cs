using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Divisions;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace CityMgmt.Infrastructure.Geo.Import.Validation;

/// <summary>A unit grid as the validators need it: identity, community and prepared boundary.</summary>
internal sealed record GridRef(Guid Id, string Code, Guid CommunityId, Geometry Shape)
{
    public IPreparedGeometry Prepared { get; } = PreparedGeometryFactory.Prepare(Shape);
}

/// <summary>The code lists and areas an import validates against, read once at its start inside its transaction.</summary>
internal sealed class ReferenceData
{
    private ReferenceData()
    {
    }

    public HashSet<string> Counties { get; private set; } = [];

    /// <summary>Component minor classes by (major, minor as a number): 16- and 17-digit codes find the same class.</summary>
    public Dictionary<(string Major, int Minor), Category> ComponentClasses { get; private set; } = [];

    public Dictionary<string, OrgUnit> DepartmentsByCode { get; private set; } = [];

    public ILookup<string, OrgUnit> DepartmentsByName { get; private set; } = Array.Empty<OrgUnit>().ToLookup(o => o.Name);

    public Dictionary<string, GridRef> GridsByCode { get; } = [];

    /// <summary>For readable change records: a department's name and a grid's code by id.</summary>
    public Dictionary<Guid, string> DepartmentsById { get; private set; } = [];

    public Dictionary<Guid, string> GridCodesById { get; } = [];

    public STRtree<GridRef> GridIndex { get; } = new();

    public Dictionary<string, AdminDivision> DivisionsByCode { get; private set; } = [];

    public static async Task<ReferenceData> LoadAsync(CityDbContext db, BaseDataKind kind, CancellationToken ct)
    {
        var data = new ReferenceData();
        var divisions = await db.Divisions.AsNoTracking().ToListAsync(ct);
        data.Counties = divisions.Where(d => d.Level == DivisionLevel.County).Select(d => d.Code).ToHashSet();
        data.DivisionsByCode = divisions.ToDictionary(d => d.Code);
        if (kind != BaseDataKind.Community)
        {
            var grids = await db.Grids.AsNoTracking().Where(g => g.Shape != null)
                .Select(g => new { g.Id, g.Code, g.CommunityId, g.Shape }).ToListAsync(ct);
            foreach (var grid in grids)
            {
                var item = new GridRef(grid.Id, grid.Code.Value, grid.CommunityId, grid.Shape!);
                data.GridsByCode[item.Code] = item;
                data.GridCodesById[item.Id] = item.Code;
                data.GridIndex.Insert(item.Shape.EnvelopeInternal, item);
            }

            data.GridIndex.Build();
        }

        if (kind == BaseDataKind.Component)
        {
            var classes = await db.Categories.AsNoTracking().Where(c => c.Kind == CategoryKind.Component && c.MinorCode != null).ToListAsync(ct);
            var departments = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.Department).ToListAsync(ct);
            data.ComponentClasses = classes.ToDictionary(c => (c.MajorCode, int.Parse(c.MinorCode!)));
            data.DepartmentsById = departments.ToDictionary(o => o.Id, o => o.Name);
            data.DepartmentsByCode = departments.ToDictionary(o => o.Code, StringComparer.OrdinalIgnoreCase);
            data.DepartmentsByName = departments
                .SelectMany(o => new[] { (Key: o.Name, Unit: o), (Key: o.ShortName ?? o.Name, Unit: o) })
                .Distinct()
                .ToLookup(x => x.Key, x => x.Unit);
        }

        return data;
    }

    /// <summary>The grid a position falls in (a line or area by its interior point), or null.</summary>
    public GridRef? Locate(Geometry geometry)
    {
        var point = geometry is Point p ? p : geometry.InteriorPoint;
        return GridIndex.Query(point.EnvelopeInternal).FirstOrDefault(g => g.Prepared.Covers(point));
    }
}

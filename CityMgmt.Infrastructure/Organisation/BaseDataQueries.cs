using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Components;
using CityMgmt.Domain.Divisions;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Organisation;

public sealed record GridRow(Guid Id, string Code, string Name, string Community, string Street, double AreaSquareMetres, int Components);

public sealed record ComponentRow(Guid Id, string Code, string Name, string CategoryCode, ComponentState State, string Department, string? GridCode, DateOnly ChangeDate);

public sealed record BaseDataTotals(int Divisions, int Grids, int ResponsibilityGrids, int Components, int Categories, int OrgUnits);

/// <summary>Read-only lists of the base data (grids, components, divisions, org units, categories).</summary>
public sealed class BaseDataQueries(IDbContextFactory<CityDbContext> factory)
{
    public async Task<BaseDataTotals> TotalsAsync(CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return new BaseDataTotals(
            await db.Divisions.CountAsync(ct), await db.Grids.CountAsync(ct), await db.ResponsibilityGrids.CountAsync(ct),
            await db.Components.CountAsync(ct), await db.Categories.CountAsync(ct), await db.OrgUnits.CountAsync(ct));
    }

    public async Task<List<OrgUnit>> OrgUnitsAsync(CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.OrgUnits.AsNoTracking().OrderBy(o => o.Kind).ThenBy(o => o.Code).ToListAsync(ct);
    }

    public async Task<List<AdminDivision>> DivisionsAsync(CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Divisions.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct);
    }

    public async Task<List<Category>> CategoriesAsync(CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Categories.AsNoTracking().OrderBy(c => c.Kind).ThenBy(c => c.MajorCode).ThenBy(c => c.MinorCode).ToListAsync(ct);
    }

    public async Task<(List<GridRow> Rows, int Total)> GridsAsync(string? search, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var query = from g in db.Grids.AsNoTracking()
                    join c in db.Divisions on g.CommunityId equals c.Id
                    join s in db.Divisions on g.StreetId equals s.Id
                    select new { g, Community = c.Name, Street = s.Name };
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            query = query.Where(x => x.g.Name.Contains(text) || x.Community.Contains(text) || x.Street.Contains(text));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(x => x.g.Name)
            .Skip(page * pageSize).Take(pageSize)
            .Select(x => new { x.g.Id, x.g.Code, x.g.Name, x.Community, x.Street, x.g.AreaSquareMetres, Count = db.Components.Count(p => p.GridId == x.g.Id) })
            .ToListAsync(ct);
        return (rows.Select(r => new GridRow(r.Id, r.Code.Value, r.Name, r.Community, r.Street, r.AreaSquareMetres, r.Count)).ToList(), total);
    }

    public async Task<(List<ComponentRow> Rows, int Total)> ComponentsAsync(Guid? categoryId, ComponentState? state, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var query = db.Components.AsNoTracking();
        if (categoryId is { } category)
        {
            query = query.Where(c => c.CategoryId == category);
        }

        if (state is { } s)
        {
            query = query.Where(c => c.State == s);
        }

        var total = await query.CountAsync(ct);
        var rows = await (from c in query
                          join cat in db.Categories on c.CategoryId equals cat.Id
                          join d in db.OrgUnits on c.OwnerDepartmentId equals d.Id
                          join g in db.Grids on c.GridId equals g.Id into gs
                          from g in gs.DefaultIfEmpty()
                          orderby c.Code
                          select new { c.Id, c.Code, c.Name, cat.MajorCode, cat.MinorCode, c.State, Dept = d.Name, Grid = g == null ? (Domain.Grids.GridCode?)null : g.Code, c.ChangeDate })
            .Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return (rows.Select(r => new ComponentRow(r.Id, r.Code.Value, r.Name, r.MajorCode + r.MinorCode, r.State, r.Dept, r.Grid?.Value, r.ChangeDate)).ToList(), total);
    }
}

using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Components;
using CityMgmt.Domain.Divisions;
using CityMgmt.Domain.Grids;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Organisation;

public sealed record GridRow(Guid Id, string Code, string Name, string Community, string Street, double AreaSquareMetres, int Components);

public sealed record ComponentRow(Guid Id, string Code, string Name, string CategoryCode, ComponentState State, string Department, string? GridCode, DateOnly ChangeDate);

public sealed record BaseDataTotals(int Divisions, int Grids, int ResponsibilityGrids, int Components, int Categories, int OrgUnits);

/// <summary>A division with the number of unit grids inside it (its own and its children's).</summary>
public sealed record DivisionNode(Guid Id, string Code, string Name, DivisionLevel Level, bool IsTownship, Guid? ParentId, int Grids);

/// <summary>Read-only lists of the base data (grids, components, divisions, org units, categories). Counting and paging run in the database.</summary>
public sealed class BaseDataQueries(IDbContextFactory<CityDbContext> factory)
{
    public const int MaxPageSize = 200;

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

    /// <summary>Every division ordered by code, with grid counts grouped in the database (county = all grids).</summary>
    public async Task<List<DivisionNode>> DivisionTreeAsync(CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var divisions = await db.Divisions.AsNoTracking().OrderBy(d => d.Code)
            .Select(d => new { d.Id, d.Code, d.Name, d.Level, d.IsTownship, d.ParentId }).ToListAsync(ct);
        var byCommunity = await db.Grids.GroupBy(g => g.CommunityId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var byStreet = await db.Grids.GroupBy(g => g.StreetId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var total = byStreet.Values.Sum();
        return divisions.Select(d => new DivisionNode(d.Id, d.Code, d.Name, d.Level, d.IsTownship, d.ParentId, d.Level switch
        {
            DivisionLevel.County => total,
            DivisionLevel.Street => byStreet.GetValueOrDefault(d.Id),
            _ => byCommunity.GetValueOrDefault(d.Id),
        })).ToList();
    }

    public async Task<List<Category>> CategoriesAsync(CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Categories.AsNoTracking().OrderBy(c => c.Kind).ThenBy(c => c.MajorCode).ThenBy(c => c.MinorCode).ToListAsync(ct);
    }

    /// <summary>
    /// Grids ordered by code. <paramref name="search"/> matches a full 15-digit code exactly, a shorter run of digits as a
    /// division code prefix (county, street, community), anything else against grid, community and street names.
    /// </summary>
    public async Task<(List<GridRow> Rows, int Total)> GridsAsync(string? search, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var query = from g in db.Grids.AsNoTracking()
                    join c in db.Divisions on g.CommunityId equals c.Id
                    join s in db.Divisions on g.StreetId equals s.Id
                    select new { g, Community = c.Name, CommunityCode = c.Code, Street = s.Name };
        var text = search?.Trim();
        if (GridCode.Parse(text) is { IsSuccess: true } parsed)
        {
            var code = parsed.Value;
            query = query.Where(x => x.g.Code == code);
        }
        else if (text is not null && DivisionCodes.IsAllDigits(text))
        {
            var prefix = text.Length > 12 ? text[..12] : text;
            query = query.Where(x => x.CommunityCode.StartsWith(prefix));
        }
        else if (!string.IsNullOrEmpty(text))
        {
            query = query.Where(x => x.g.Name.Contains(text) || x.Community.Contains(text) || x.Street.Contains(text));
        }

        var total = await query.CountAsync(ct);
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var rows = await query.OrderBy(x => x.g.Code)
            .Skip(Math.Max(0, page) * size).Take(size)
            .Select(x => new { x.g.Id, x.g.Code, x.g.Name, x.Community, x.Street, x.g.AreaSquareMetres, Count = db.Components.Count(p => p.GridId == x.g.Id) })
            .ToListAsync(ct);
        return (rows.Select(r => new GridRow(r.Id, r.Code.Value, r.Name, r.Community, r.Street, r.AreaSquareMetres, r.Count)).ToList(), total);
    }

    /// <summary>Components ordered by code, filtered by minor class and state; only the requested page leaves the database.</summary>
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
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var rows = await (from c in query
                          join cat in db.Categories on c.CategoryId equals cat.Id
                          join d in db.OrgUnits on c.OwnerDepartmentId equals d.Id
                          join g in db.Grids on c.GridId equals g.Id into gs
                          from g in gs.DefaultIfEmpty()
                          orderby c.Code
                          select new { c.Id, c.Code, c.Name, cat.MajorCode, cat.MinorCode, c.State, Dept = d.Name, Grid = g == null ? (GridCode?)null : g.Code, c.ChangeDate })
            .Skip(Math.Max(0, page) * size).Take(size).ToListAsync(ct);
        return (rows.Select(r => new ComponentRow(r.Id, r.Code.Value, r.Name, r.MajorCode + r.MinorCode, r.State, r.Dept, r.Grid?.Value, r.ChangeDate)).ToList(), total);
    }
}

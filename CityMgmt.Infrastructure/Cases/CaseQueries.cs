using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Common;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Cases;

public sealed record CaseSearch(
    string? Number = null,
    string? Text = null,
    CaseStatus? Status = null,
    CaseSource? Source = null,
    Guid? CategoryId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Page = 0,
    int PageSize = 20);

public sealed record CaseRow(
    Guid Id, string Number, CaseSource Source, CaseStatus Status, string CategoryName, string Address,
    DateTimeOffset ReportedAt, DateTimeOffset? DisposalDeadline, string? DepartmentName);

public sealed record CaseDetail(CityCase Case, string CategoryName, string? DepartmentName, string? GridName, IReadOnlyList<CaseHistoryEntry> History);

/// <summary>Case search and detail, always filtered by the caller's data scope.</summary>
public sealed class CaseQueries(IDbContextFactory<CityDbContext> factory)
{
    public async Task<(IReadOnlyList<CaseRow> Rows, int Total)> SearchAsync(StaffContext who, CaseSearch search, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var query = db.Cases.AsNoTracking().VisibleTo(who.Scope);
        if (!string.IsNullOrWhiteSpace(search.Number))
        {
            query = query.Where(c => ((string)(object)c.Number).StartsWith(search.Number.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var text = search.Text.Trim();
            query = query.Where(c => c.Address.Contains(text) || c.Description.Contains(text));
        }

        if (search.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (search.Source is { } source)
        {
            query = query.Where(c => c.Source == source);
        }

        if (search.CategoryId is { } category)
        {
            query = query.Where(c => c.CategoryId == category);
        }

        if (search.From is { } from)
        {
            var start = ChinaDay.Start(from);
            query = query.Where(c => c.ReportedAt >= start);
        }

        if (search.To is { } to)
        {
            var end = ChinaDay.Start(to.AddDays(1));
            query = query.Where(c => c.ReportedAt < end);
        }

        var total = await query.CountAsync(ct);
        var rows = await (from c in query
                          join cat in db.Categories on c.CategoryId equals cat.Id
                          join d in db.OrgUnits on c.DepartmentId equals d.Id into depts
                          from d in depts.DefaultIfEmpty()
                          orderby c.ReportedAt descending
                          select new { c.Id, c.Number, c.Source, c.Status, Category = cat.Name, c.Address, c.ReportedAt, c.DisposalDeadline, Dept = d == null ? null : d.Name })
            .Skip(Math.Max(0, search.Page) * search.PageSize).Take(Math.Clamp(search.PageSize, 1, 200)).ToListAsync(ct);
        return (rows.Select(r => new CaseRow(r.Id, r.Number.Value, r.Source, r.Status, r.Category, r.Address, r.ReportedAt, r.DisposalDeadline, r.Dept)).ToList(), total);
    }

    /// <summary>A case the caller may see, with its timeline in order; out of scope reads exactly like "not found".</summary>
    public async Task<Result<CaseDetail>> GetAsync(StaffContext who, Guid id, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var item = await db.Cases.AsNoTracking().VisibleTo(who.Scope).Include(c => c.Attachments).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (item is null)
        {
            return CaseErrors.NotFound;
        }

        var history = await db.CaseHistory.AsNoTracking().Where(h => h.CaseId == id).OrderBy(h => h.Sequence).ToListAsync(ct);
        var category = await db.Categories.AsNoTracking().Where(c => c.Id == item.CategoryId).Select(c => c.Name).FirstAsync(ct);
        var dept = item.DepartmentId is { } d ? await db.OrgUnits.AsNoTracking().Where(o => o.Id == d).Select(o => o.Name).FirstOrDefaultAsync(ct) : null;
        var grid = item.GridId is { } g ? await db.Grids.AsNoTracking().Where(x => x.Id == g).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return new CaseDetail(item, category, dept, grid, history);
    }
}

/// <summary>China-time day boundaries as UTC instants.</summary>
public static class ChinaDay
{
    public static DateTimeOffset Start(DateOnly day)
    {
        var local = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Domain.Calendar.WorkingCalendar.ChinaTimeZone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)));
        return local.ToUniversalTime();
    }

    public static DateOnly Today(DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Domain.Calendar.WorkingCalendar.ChinaTimeZone).Date);
}

using System.Globalization;
using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Common;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Cases;

/// <summary>案件查询 filters. <see cref="OpenOnly"/> keeps the non-final statuses (在办案件).</summary>
public sealed record CaseSearch(
    string? Number = null,
    string? Text = null,
    CaseStatus? Status = null,
    CaseSource? Source = null,
    Guid? CategoryId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Page = 0,
    int PageSize = 20,
    bool OpenOnly = false);

/// <summary>One line of the case list; <see cref="LimitUnit"/> is the category's 处置时限 unit, for the deadline light.</summary>
public sealed record CaseRow(
    Guid Id, string Number, CaseSource Source, CaseStatus Status, string CategoryName, string Address,
    DateTimeOffset ReportedAt, DateTimeOffset? DisposalDeadline, string? DepartmentName,
    DateTimeOffset? DispatchedAt = null, TimeLimitUnit? LimitUnit = null);

/// <summary>A case with what its page shows; <see cref="DepartmentNames"/> names the departments its timeline mentions.</summary>
public sealed record CaseDetail(
    CityCase Case, string CategoryName, string? DepartmentName, string? GridName, IReadOnlyList<CaseHistoryEntry> History,
    string? CategoryCode = null, TimeLimit? DisposalLimit = null, IReadOnlyDictionary<Guid, string>? DepartmentNames = null);

/// <summary>Case search and detail, always filtered by the caller's data scope.</summary>
public sealed class CaseQueries(IDbContextFactory<CityDbContext> factory)
{
    public const int MaxPageSize = 200;

    /// <summary>The number box takes a full number (exact match) or its 8-digit date (that day's cases): nothing else translates to an index lookup.</summary>
    public static readonly Error NumberUnreadable = new("Case.NumberSearch", "请输入完整编号或8位日期");

    /// <summary>Null when <paramref name="text"/> is empty or readable by <see cref="SearchAsync"/>.</summary>
    public static Error? CheckNumber(string? text) =>
        string.IsNullOrWhiteSpace(text) || CaseNumber.Parse(text).IsSuccess || TryParseDay(text.Trim(), out _) ? null : NumberUnreadable;

    public async Task<(IReadOnlyList<CaseRow> Rows, int Total)> SearchAsync(StaffContext who, CaseSearch search, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var query = Filter(db, db.Cases.AsNoTracking().VisibleTo(who.Scope), search);
        var total = await query.CountAsync(ct);
        var size = Math.Clamp(search.PageSize, 1, MaxPageSize);
        var rows = await (from c in query
                          join cat in db.Categories on c.CategoryId equals cat.Id
                          join d in db.OrgUnits on c.DepartmentId equals d.Id into depts
                          from d in depts.DefaultIfEmpty()
                          orderby c.ReportedAt descending, c.Number descending
                          select new
                          {
                              c.Id,
                              c.Number,
                              c.Source,
                              c.Status,
                              Category = cat.Name,
                              c.Address,
                              c.ReportedAt,
                              c.DisposalDeadline,
                              Dept = d == null ? null : d.Name,
                              c.DispatchedAt,
                              Unit = EF.Property<TimeLimitUnit?>(cat, "LimitUnit"),
                          })
            .Skip(Math.Max(0, search.Page) * size).Take(size).ToListAsync(ct);
        return (rows.Select(r => new CaseRow(
            r.Id, r.Number.Value, r.Source, r.Status, r.Category, r.Address, r.ReportedAt, r.DisposalDeadline, r.Dept, r.DispatchedAt, r.Unit)).ToList(), total);
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
        var category = await db.Categories.AsNoTracking().FirstAsync(c => c.Id == item.CategoryId, ct);
        var departmentIds = history.Select(h => h.DepartmentId).Append(item.DepartmentId).OfType<Guid>().Distinct().ToList();
        var departments = await db.OrgUnits.AsNoTracking().Where(o => departmentIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var grid = item.GridId is { } g ? await db.Grids.AsNoTracking().Where(x => x.Id == g).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return new CaseDetail(
            item, category.Name, item.DepartmentId is { } d ? departments.GetValueOrDefault(d) : null, grid, history,
            category.FullCode, category.DisposalLimit, departments);
    }

    private static IQueryable<CityCase> Filter(CityDbContext db, IQueryable<CityCase> query, CaseSearch search)
    {
        if (!string.IsNullOrWhiteSpace(search.Number))
        {
            query = WithNumber(query, search.Number.Trim());
        }

        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var text = search.Text.Trim();

            // On SQLite the full-text index narrows the cases first; LIKE then keeps exactly the containing ones.
            if (db is SqliteCityDbContext && CaseSearchText.Match(text) is { } match)
            {
                var matching = CaseSearchIndex.Matching(db, match);
                query = query.Where(c => matching.Contains(c.Id));
            }

            // Words separated by spaces must each occur, in the address or the description.
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                query = query.Where(c => c.Address.Contains(word) || c.Description.Contains(word));
            }
        }

        if (search.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (search.OpenOnly)
        {
            var open = CaseStatusNames.Open.ToArray();
            query = query.Where(c => open.Contains(c.Status));
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

        return query;
    }

    // The number is stored through a value converter, so string functions on it do not translate:
    // a full number compares as a value, and its date part is the China-time day it was reported on.
    private static IQueryable<CityCase> WithNumber(IQueryable<CityCase> query, string text)
    {
        if (CaseNumber.Parse(text) is { IsSuccess: true } parsed)
        {
            var number = parsed.Value;
            return query.Where(c => c.Number == number);
        }

        if (TryParseDay(text, out var day))
        {
            var (start, end) = (ChinaDay.Start(day), ChinaDay.Start(day.AddDays(1)));
            return query.Where(c => c.ReportedAt >= start && c.ReportedAt < end);
        }

        return query.Where(c => false);
    }

    private static bool TryParseDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}

/// <summary>China-time day boundaries as UTC instants.</summary>
public static class ChinaDay
{
    public static DateTimeOffset Start(DateOnly day)
    {
        var local = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), WorkingCalendar.ChinaTimeZone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)));
        return local.ToUniversalTime();
    }

    public static DateOnly Today(DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, WorkingCalendar.ChinaTimeZone).Date);
}

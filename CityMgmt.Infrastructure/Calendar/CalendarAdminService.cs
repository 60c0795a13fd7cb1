using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Audit;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Calendar;

/// <summary>Administrators enter each year's holidays and makeup workdays (调休).</summary>
public sealed class CalendarAdminService(IDbContextFactory<CityDbContext> factory, CalendarProvider calendars, AuditLog audit)
{
    public async Task<List<CalendarDay>> ListAsync(int year, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync(ct);
    }

    public async Task<Result> AddAsync(StaffContext actor, DateOnly date, CalendarDayKind kind, string name, CancellationToken ct = default)
    {
        var allowed = actor.Require(StaffRole.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        var day = CalendarDay.Create(date, kind, name);
        if (day.IsFailure)
        {
            return day.Error;
        }

        await using var db = factory.CreateDbContext();
        if (await db.CalendarDays.AnyAsync(d => d.Date == date, ct))
        {
            return CalendarErrors.DuplicateDate(date);
        }

        db.CalendarDays.Add(day.Value);
        audit.Admin(db, actor, "新增工作日历", $"{date:yyyy-MM-dd}", $"{(kind == CalendarDayKind.Holiday ? "节假日" : "调休上班")}：{day.Value.Name}");
        await db.SaveChangesAsync(ct);
        calendars.Invalidate();
        return Result.Success();
    }

    public async Task<Result> RemoveAsync(StaffContext actor, Guid id, CancellationToken ct = default)
    {
        var allowed = actor.Require(StaffRole.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        await using var db = factory.CreateDbContext();
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (day is null)
        {
            return new Error("Calendar.NotFound", "该日期设置不存在或已被删除");
        }

        db.CalendarDays.Remove(day);
        audit.Admin(db, actor, "删除工作日历", $"{day.Date:yyyy-MM-dd}", day.Name);
        await db.SaveChangesAsync(ct);
        calendars.Invalidate();
        return Result.Success();
    }
}

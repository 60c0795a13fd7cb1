using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Common;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Cases;

/// <summary>
/// Takes the next number of the China-time day inside the caller's unit of work. Two users taking
/// the same number collide on the counter's concurrency token and the caller retries.
/// </summary>
public static class CaseNumberAllocator
{
    public static async Task<Result<CaseNumber>> NextAsync(CityDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, WorkingCalendar.ChinaTimeZone).Date);
        var counter = await db.CaseNumberCounters.FirstOrDefaultAsync(c => c.Day == day, ct);
        if (counter is null)
        {
            counter = new CaseNumberCounter { Day = day, Last = 0 };
            db.CaseNumberCounters.Add(counter);
        }

        counter.Last++;
        return CaseNumber.Create(day, counter.Last);
    }
}

using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Common;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Cases;

/// <summary>
/// Takes the next number of the China-time day inside the caller's unit of work. Two users taking
/// the same number collide on the counter's concurrency token and the caller retries.
/// </summary>
public static class CaseNumberAllocator
{
    public static Task<Result<CaseNumber>> NextAsync(CityDbContext db, DateTimeOffset now, CancellationToken ct) => NextAsync(db, now, null, ct);

    /// <param name="detached">On SQLite (ADR 0017): the counter is read with a prepared statement and saved from there.</param>
    internal static async Task<Result<CaseNumber>> NextAsync(CityDbContext db, DateTimeOffset now, DetachedRows? detached, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, WorkingCalendar.ChinaTimeZone).Date);
        var counter = detached is null
            ? await db.CaseNumberCounters.FirstOrDefaultAsync(c => c.Day == day, ct)
            : Read(detached, StepRowReader.ReadWhere<CaseNumberCounter>(db, nameof(CaseNumberCounter.Day), day));
        if (counter is null)
        {
            counter = new CaseNumberCounter { Day = day, Last = 0 };
            DetachedRows.Add(db, detached, counter);
        }

        counter.Last++;
        return CaseNumber.Create(day, counter.Last);
    }

    private static CaseNumberCounter? Read(DetachedRows detached, List<DetachedRow> rows)
    {
        detached.Read.AddRange(rows);
        return rows.Select(r => (CaseNumberCounter)r.Entity).SingleOrDefault();
    }
}

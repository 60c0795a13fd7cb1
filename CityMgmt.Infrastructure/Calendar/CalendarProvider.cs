using CityMgmt.Domain.Calendar;
using CityMgmt.Infrastructure.Identity;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Calendar;

/// <summary>The working calendar built from the stored holidays, cached until an administrator changes it.</summary>
public sealed class CalendarProvider(ContextOptionsHolder options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private WorkingCalendar? _current;

    public async Task<WorkingCalendar> GetAsync(CancellationToken ct = default)
    {
        if (_current is { } current)
        {
            return current;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (_current is null)
            {
                await using var db = new CityDbContextFactory(options, SystemUser.Instance).CreateDbContext();
                var days = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
                _current = WorkingCalendar.WithDefaults(days).Value;
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _current = null;

    public void Dispose() => _gate.Dispose();
}

using CityMgmt.Domain.Cases;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Cases;

public sealed record DashboardCounts(int ReportedToday, int Open, int Overdue, int ClosedLast30Days, IReadOnlyList<(CaseStatus Status, int Count)> ByStatus);

/// <summary>The home page's numbers, counted in the database within the user's scope.</summary>
public sealed class DashboardQueries(IDbContextFactory<CityDbContext> factory, TimeProvider clock)
{
    public async Task<DashboardCounts> GetAsync(StaffContext who, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var todayStart = ChinaDay.Start(ChinaDay.Today(now));
        var monthAgo = now.AddDays(-30);
        await using var db = factory.CreateDbContext();
        var cases = db.Cases.AsNoTracking().VisibleTo(who.Scope);
        var final = new[] { CaseStatus.Closed, CaseStatus.NotFiled, CaseStatus.Cancelled, CaseStatus.Merged };
        var today = await cases.CountAsync(c => c.ReportedAt >= todayStart, ct);
        var open = await cases.CountAsync(c => !final.Contains(c.Status), ct);
        var overdue = await cases.CountAsync(c => !final.Contains(c.Status) && c.DisposalDeadline != null && c.DisposalDeadline < now, ct);
        var closed = await cases.CountAsync(c => c.Status == CaseStatus.Closed && c.ClosedAt >= monthAgo, ct);
        var byStatus = await cases.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new DashboardCounts(today, open, overdue, closed, byStatus.OrderBy(s => s.Key).Select(s => (s.Key, s.Count)).ToList());
    }
}

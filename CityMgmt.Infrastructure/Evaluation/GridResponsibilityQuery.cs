using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Evaluation;

/// <summary>
/// The counts the centre posts' own lines cannot give (domain.md §5), from the same single pass (<see cref="HistoryScan"/>):
/// <list type="bullet">
/// <item>监督员 漏报数 and its denominator 立案数: the cases filed (立案) in the period in the unit grids of the supervisor's
/// 责任网格, and among them the public reports (citizen, hotline, video, media) that a 核实 confirmed and that were not
/// cancelled — problems in his grids that someone else found first. Grids are matched by today's assignment.</item>
/// <item>受理员 核实派发数: a 受理 that sent the report to 核实 (its line moves the case to 待核实); on time when it came within
/// the verification limit of the previous line, like the other post steps.</item>
/// </list>
/// </summary>
internal static class GridResponsibilityQuery
{
    /// <summary>立案数 and 漏报数 per responsible supervisor, summed over the grid tallies of the period's cohort.</summary>
    public static async Task<Dictionary<string, (long Filed, long Missed)>> SupervisorsAsync(CityDbContext db, CohortCounts cohort, CancellationToken ct)
    {
        var responsible = await (from g in db.Grids.AsNoTracking()
                                 join r in db.ResponsibilityGrids on g.ResponsibilityGridId equals r.Id
                                 where r.SupervisorUserId != null
                                 select new { g.Id, r.SupervisorUserId }).ToListAsync(ct);
        var result = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        foreach (var grid in responsible)
        {
            if (cohort.Grids.TryGetValue(grid.Id, out var tally))
            {
                var (filed, missed) = result.GetValueOrDefault(grid.SupervisorUserId!);
                result[grid.SupervisorUserId!] = (filed + tally.Filed, missed + tally.PublicVerified);
            }
        }

        return result;
    }
}

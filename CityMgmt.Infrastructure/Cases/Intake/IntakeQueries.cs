using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Geo;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CityMgmt.Infrastructure.Cases.Intake;

/// <summary>One report waiting at 受理, with the open cases that may be the same problem.</summary>
public sealed record IntakeRow(
    Guid Id, string Number, int Version, CaseSource Source, Guid CategoryId, string CategoryName, string Address, string Description,
    DateTimeOffset ReportedAt, string? ReporterName, IReadOnlyList<DuplicateCandidate> Candidates);

/// <summary>A possible earlier (or later) report of the same problem: same class, near, close in time, still open.</summary>
public sealed record DuplicateCandidate(Guid Id, string Number, CaseStatus Status, string Address, DateTimeOffset ReportedAt, double DistanceMetres);

/// <summary>
/// 受理队列: every report waiting at 受理 in the caller's data scope, newest first, paged in the database, and
/// for each the duplicate candidates (a bounding box on the stored coordinates in SQL, the exact distance here).
/// </summary>
public sealed class IntakeQueries(IDbContextFactory<CityDbContext> factory, IOptions<DuplicateCheckOptions> options)
{
    public const int PageSizeMax = 50;
    private const int CandidatesMax = 20;

    public DuplicateCheckOptions Settings => options.Value;

    public async Task<(IReadOnlyList<IntakeRow> Rows, int Total)> QueueAsync(StaffContext who, CaseSource? source, int page, int pageSize, CancellationToken ct = default)
    {
        who.EnsureRole(IntakeRoles.All);
        await using var db = factory.CreateDbContext();
        var query = db.Cases.AsNoTracking().VisibleTo(who.Scope).Where(c => c.Status == CaseStatus.Reported);
        if (source is { } s)
        {
            query = query.Where(c => c.Source == s);
        }

        var total = await query.CountAsync(ct);
        var size = Math.Clamp(pageSize, 1, PageSizeMax);
        var cases = await query.OrderByDescending(c => c.ReportedAt).ThenByDescending(c => c.Number)
            .Skip(Math.Max(0, page) * size).Take(size).ToListAsync(ct);
        var categoryIds = cases.Select(c => c.CategoryId).Distinct().ToList();
        var names = await db.Categories.AsNoTracking().Where(c => categoryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.FullCode + " " + c.Name, ct);
        var rows = new List<IntakeRow>(cases.Count);
        foreach (var c in cases)
        {
            rows.Add(new IntakeRow(
                c.Id, c.Number.Value, c.Version, c.Source, c.CategoryId, names.GetValueOrDefault(c.CategoryId, string.Empty), c.Address, c.Description,
                c.ReportedAt, c.ReporterName, await CandidatesAsync(db, who, c, ct)));
        }

        return (rows, total);
    }

    /// <summary>The duplicate candidates of one case the caller may see (nearest first); empty when it is not visible.</summary>
    public async Task<IReadOnlyList<DuplicateCandidate>> CandidatesAsync(StaffContext who, Guid caseId, CancellationToken ct = default)
    {
        who.EnsureRole(IntakeRoles.All);
        await using var db = factory.CreateDbContext();
        var item = await db.Cases.AsNoTracking().VisibleTo(who.Scope).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        return item is null ? [] : await CandidatesAsync(db, who, item, ct);
    }

    /// <summary>Whom the 核实 task may go to, the grid's responsible supervisor first (suggested).</summary>
    public async Task<IReadOnlyList<SupervisorOption>> SupervisorsAsync(StaffContext who, Guid caseId, CancellationToken ct = default)
    {
        who.EnsureRole(IntakeRoles.All);
        await using var db = factory.CreateDbContext();
        var item = await db.Cases.AsNoTracking().VisibleTo(who.Scope).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        return item is null ? [] : await VerificationSupervisors.ForAsync(db, item, ct);
    }

    private async Task<IReadOnlyList<DuplicateCandidate>> CandidatesAsync(CityDbContext db, StaffContext who, CityCase item, CancellationToken ct)
    {
        var settings = options.Value;
        var radius = settings.RadiusMetres;

        // The box is a little larger than the circle so that rounding never loses a case on its edge.
        var dLat = radius * 1.01 / GeoMetrics.MetresPerDegreeLatitude(item.Latitude);
        var dLon = radius * 1.01 / GeoMetrics.MetresPerDegreeLongitude(Math.Min(89, Math.Abs(item.Latitude) + dLat));
        var (south, north, west, east) = (item.Latitude - dLat, item.Latitude + dLat, item.Longitude - dLon, item.Longitude + dLon);
        var (from, to) = (item.ReportedAt - settings.Window, item.ReportedAt + settings.Window);
        var open = CaseStatusNames.Open.ToArray();
        var near = await db.Cases.AsNoTracking().VisibleTo(who.Scope)
            .Where(c => c.CategoryId == item.CategoryId && c.Id != item.Id && open.Contains(c.Status)
                && c.ReportedAt >= from && c.ReportedAt <= to
                && c.Latitude >= south && c.Latitude <= north && c.Longitude >= west && c.Longitude <= east)
            .Select(c => new { c.Id, c.Number, c.Status, c.Address, c.ReportedAt, c.Longitude, c.Latitude })
            .Take(CandidatesMax * 5).ToListAsync(ct);
        return near
            .Select(c => new DuplicateCandidate(
                c.Id, c.Number.Value, c.Status, c.Address, c.ReportedAt, GeoMetrics.DistanceMetres(item.Longitude, item.Latitude, c.Longitude, c.Latitude)))
            .Where(c => c.DistanceMetres <= radius)
            .OrderBy(c => c.DistanceMetres).ThenByDescending(c => c.ReportedAt)
            .Take(CandidatesMax)
            .ToList();
    }
}

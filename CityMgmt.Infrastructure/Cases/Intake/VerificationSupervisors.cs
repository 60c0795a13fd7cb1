using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Cases.Intake;

/// <summary>A supervisor the 受理员 may send the 核实 task to; <see cref="Suggested"/> marks the grid's responsible supervisor.</summary>
public sealed record SupervisorOption(string UserId, string Name, bool Suggested);

/// <summary>The roles that work the 受理队列.</summary>
public static class IntakeRoles
{
    public static readonly string[] All = [StaffRole.Operator, StaffRole.ShiftLeader];
}

/// <summary>
/// Who may verify a case on site: the responsible supervisor of its unit grid (suggested), the supervisors
/// responsible for other grids of its street/town, and the supervisors of that town's sub-centre.
/// Only active accounts with the 监督员 role.
/// </summary>
internal static class VerificationSupervisors
{
    public static async Task<IReadOnlyList<SupervisorOption>> ForAsync(CityDbContext db, CityCase item, CancellationToken ct)
    {
        var gridSupervisor = item.GridId is { } gridId
            ? await (from g in db.Grids
                     join r in db.ResponsibilityGrids on g.ResponsibilityGridId equals r.Id
                     where g.Id == gridId
                     select r.SupervisorUserId).FirstOrDefaultAsync(ct)
            : null;
        var street = item.StreetId;
        var areaSupervisors = db.ResponsibilityGrids.Where(r => street != null && r.StreetId == street && r.SupervisorUserId != null).Select(r => r.SupervisorUserId!);
        var subCentres = db.OrgUnits.Where(o => street != null && o.Kind == OrgUnitKind.SubCentre && o.AreaDivisionId == street).Select(o => (Guid?)o.Id);
        var supervisorRole = db.Roles.Where(r => r.Name == StaffRole.Supervisor).Select(r => r.Id);
        var users = await db.Users.AsNoTracking()
            .Where(u => u.IsActive
                && db.UserRoles.Any(ur => ur.UserId == u.Id && supervisorRole.Contains(ur.RoleId))
                && (u.Id == gridSupervisor || areaSupervisors.Contains(u.Id) || subCentres.Contains(u.OrgUnitId)))
            .Select(u => new { u.Id, u.DisplayName })
            .ToListAsync(ct);
        return users
            .Select(u => new SupervisorOption(u.Id, u.DisplayName, u.Id == gridSupervisor))
            .OrderByDescending(o => o.Suggested).ThenBy(o => o.Name, StringComparer.Ordinal)
            .ToList();
    }
}

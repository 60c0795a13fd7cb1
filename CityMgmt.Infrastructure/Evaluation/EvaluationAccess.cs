using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Evaluation;

/// <summary>
/// Who may see and export evaluation results, and which rows. Centre staff see everything; a sub-centre sees its own
/// street with its communities and grids; a department sees its own row. Exports: 领导 and 值班长 only.
/// </summary>
public static class EvaluationAccess
{
    public static readonly string[] ViewRoles = [StaffRole.Leader, StaffRole.ShiftLeader, StaffRole.Admin];
    public static readonly string[] ExportRoles = [StaffRole.Leader, StaffRole.ShiftLeader];

    public static bool CanView(StaffContext who) => who.IsInAnyRole(ViewRoles) && who.Scope.Kind != DataScopeKind.None;

    public static bool CanExport(StaffContext who) => who.IsInAnyRole(ExportRoles) && who.Scope.Kind != DataScopeKind.None;

    /// <summary>The row filter of <paramref name="who"/>'s data scope.</summary>
    internal static async Task<Func<EvaluationObjectType, string, bool>> RowFilterAsync(CityDbContext db, StaffContext who, CancellationToken ct)
    {
        var scope = who.Scope;
        switch (scope.Kind)
        {
            case DataScopeKind.All:
                return (_, _) => true;
            case DataScopeKind.Department:
                var own = scope.OrgUnitId?.ToString();
                return (type, id) => type == EvaluationObjectType.Department && id == own;
            case DataScopeKind.Area when scope.AreaDivisionId is { } street:
                var communities = (await db.Divisions.AsNoTracking().Where(d => d.ParentId == street).Select(d => d.Id).ToListAsync(ct))
                    .Select(g => g.ToString()).ToHashSet();
                var grids = (await db.Grids.AsNoTracking().Where(g => g.StreetId == street).Select(g => g.Id).ToListAsync(ct))
                    .Select(g => g.ToString()).ToHashSet();
                var streetId = street.ToString();
                return (type, id) => type switch
                {
                    EvaluationObjectType.Street => id == streetId,
                    EvaluationObjectType.Community => communities.Contains(id),
                    EvaluationObjectType.Grid => grids.Contains(id),
                    _ => false,
                };
            default:
                return (_, _) => false;
        }
    }
}

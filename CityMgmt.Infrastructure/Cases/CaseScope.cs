using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Organisation;

namespace CityMgmt.Infrastructure.Cases;

/// <summary>The data-scope rule of <see cref="DataScope.Allows"/> as a query filter, applied by every case query.</summary>
public static class CaseScope
{
    public static IQueryable<CityCase> VisibleTo(this IQueryable<CityCase> cases, DataScope scope) => scope.Kind switch
    {
        DataScopeKind.All => cases,
        DataScopeKind.Area => cases.Where(c => c.StreetId == scope.AreaDivisionId),
        DataScopeKind.Department => cases.Where(c => c.DepartmentId == scope.OrgUnitId),
        _ => cases.Where(c => false),
    };
}

using CityMgmt.Domain.Organisation;

namespace CityMgmt.Web.Components.Pages.Map;

/// <summary>Who may open the map: every staff role (supervisors and departments too); case data still follows each one's data scope.</summary>
public static class MapRoles
{
    public const string Staff = StaffRole.Supervisor + "," + StaffRole.Operator + "," + StaffRole.ShiftLeader + "," + StaffRole.Dispatcher + ","
        + StaffRole.Handler + "," + StaffRole.Leader + "," + StaffRole.Admin;
}

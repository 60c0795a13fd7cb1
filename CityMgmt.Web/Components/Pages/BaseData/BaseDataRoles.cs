using CityMgmt.Domain.Organisation;

namespace CityMgmt.Web.Components.Pages.BaseData;

/// <summary>Who may browse the base data: the centre's staff (not supervisors in the field, not departments).</summary>
public static class BaseDataRoles
{
    public const string Centre = StaffRole.Operator + "," + StaffRole.ShiftLeader + "," + StaffRole.Dispatcher + "," + StaffRole.Leader + "," + StaffRole.Admin;
}

using CityMgmt.Domain.Organisation;

namespace CityMgmt.Infrastructure.Seeding;

/// <summary>One demo account per role, plus a sub-centre shift leader and a second department's handler to show scopes.</summary>
internal static class DemoUsers
{
    /// <summary>(user name, display name, role, org unit code).</summary>
    public static readonly (string UserName, string DisplayName, string Role, string OrgCode)[] All =
    [
        ("jdy", "张监督", StaffRole.Supervisor, DemoCountySeeder.CentreCode),
        ("sly", "李受理", StaffRole.Operator, DemoCountySeeder.CentreCode),
        ("zbz", "王值班", StaffRole.ShiftLeader, DemoCountySeeder.CentreCode),
        ("pqy", "赵派遣", StaffRole.Dispatcher, DemoCountySeeder.CentreCode),
        ("czry", "刘处置", StaffRole.Handler, "SZ"),
        ("ld", "陈领导", StaffRole.Leader, DemoCountySeeder.CentreCode),
        ("admin", "系统管理员", StaffRole.Admin, DemoCountySeeder.CentreCode),
        ("qlzbz", "周值班(青龙镇)", StaffRole.ShiftLeader, "FZX101"),
        ("hwcz", "吴处置(环卫)", StaffRole.Handler, "HW"),
    ];
}

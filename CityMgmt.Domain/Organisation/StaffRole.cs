namespace CityMgmt.Domain.Organisation;

/// <summary>The staff roles of the standard (domain.md §1). Keys are stable identifiers; names are what users read.</summary>
public static class StaffRole
{
    public const string Supervisor = "Supervisor";
    public const string Operator = "Operator";
    public const string ShiftLeader = "ShiftLeader";
    public const string Dispatcher = "Dispatcher";
    public const string Handler = "Handler";
    public const string Leader = "Leader";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } =
        [Supervisor, Operator, ShiftLeader, Dispatcher, Handler, Leader, Admin];

    public static string DisplayName(string role) => role switch
    {
        Supervisor => "监督员",
        Operator => "受理员",
        ShiftLeader => "值班长",
        Dispatcher => "派遣员",
        Handler => "处置人员",
        Leader => "领导",
        Admin => "系统管理员",
        _ => role,
    };

    public static bool IsKnown(string role) => All.Contains(role);
}

using CityMgmt.Domain.Organisation;
using MudBlazor;

namespace CityMgmt.Web.Components.Layout;

/// <summary>One navigation entry. <see cref="Href"/> null means planned but not built yet (shown disabled).</summary>
public sealed record NavItem(string Title, string? Href, string Icon, IReadOnlyList<string> Roles);

public sealed record NavGroup(string Title, string Icon, IReadOnlyList<NavItem> Items, bool IsExtension = false);

/// <summary>
/// The menu, grouped by the nine standard subsystems (CJJ/T 106) with the customer's extensions below.
/// Roles say who sees an item; pages check roles again on their own.
/// </summary>
public static class NavCatalog
{
    private static readonly string[] Everyone = StaffRole.All.ToArray();
    private static readonly string[] Centre = [StaffRole.Operator, StaffRole.ShiftLeader, StaffRole.Dispatcher, StaffRole.Leader, StaffRole.Admin];
    private static readonly string[] Admin = [StaffRole.Admin];

    public static IReadOnlyList<NavGroup> Groups { get; } =
    [
        new("监督指挥", Icons.Material.Filled.Dashboard,
        [
            new("综合看板", "/", Icons.Material.Filled.Home, Everyone),
            new("案件地图", "/map", Icons.Material.Filled.Map, Everyone),
        ]),
        new("无线数据采集", Icons.Material.Filled.PhoneAndroid,
        [
            new("问题上报", "/report", Icons.Material.Filled.AddAPhoto, [StaffRole.Supervisor]),
            new("我的任务（核实核查）", "/field/tasks", Icons.Material.Filled.FactCheck, [StaffRole.Supervisor]),
        ]),
        new("监督中心受理", Icons.Material.Filled.Inbox,
        [
            new("受理队列", "/intake", Icons.Material.Filled.MoveToInbox, [StaffRole.Operator, StaffRole.ShiftLeader]),
            new("案件查询", "/cases", Icons.Material.Filled.Search, Everyone),
        ]),
        new("协同工作", Icons.Material.Filled.Groups,
        [
            new("待办任务", "/tasks", Icons.Material.Filled.Assignment, [StaffRole.Supervisor, StaffRole.Operator, StaffRole.ShiftLeader, StaffRole.Dispatcher, StaffRole.Handler]),
            new("督办", null, Icons.Material.Filled.NotificationImportant, [StaffRole.Dispatcher, StaffRole.Leader]),
        ]),
        new("综合评价", Icons.Material.Filled.Leaderboard,
        [
            new("评价排名", "/evaluation", Icons.Material.Filled.EmojiEvents, [StaffRole.Leader, StaffRole.ShiftLeader, StaffRole.Admin]),
            new("我的导出", "/exports", Icons.Material.Filled.Download, [StaffRole.Leader, StaffRole.ShiftLeader]),
            new("扣分与考核", "/evaluation/deductions", Icons.Material.Filled.RemoveCircleOutline, [StaffRole.Leader, StaffRole.ShiftLeader, StaffRole.Admin]),
            new("评价方案", "/admin/evaluation-formulas", Icons.Material.Filled.Functions, Admin),
        ]),
        new("地理编码", Icons.Material.Filled.TravelExplore,
        [
            new("地址查询", "/geocoding", Icons.Material.Filled.PinDrop, Centre),
        ]),
        new("基础数据资源管理", Icons.Material.Filled.Storage,
        [
            new("行政区划", "/basedata/divisions", Icons.Material.Filled.AccountTree, Centre),
            new("单元网格", "/basedata/grids", Icons.Material.Filled.GridOn, Centre),
            new("城市部件", "/basedata/components", Icons.Material.Filled.Lightbulb, Centre),
            new("数据导入导出", "/basedata/import", Icons.Material.Filled.ImportExport, Admin),
            new("地图编辑", "/map/edit", Icons.Material.Filled.EditLocationAlt, Admin),
        ]),
        new("应用维护", Icons.Material.Filled.Settings,
        [
            new("用户管理", "/admin/users", Icons.Material.Filled.ManageAccounts, Admin),
            new("机构管理", "/admin/org-units", Icons.Material.Filled.CorporateFare, Admin),
            new("类别与时限", "/admin/categories", Icons.Material.Filled.Category, Admin),
            new("工作日历", "/admin/calendar", Icons.Material.Filled.CalendarMonth, Admin),
            new("流程定义", "/admin/workflows", Icons.Material.Filled.AltRoute, Admin),
            new("操作日志", "/admin/audit", Icons.Material.Filled.History, Admin),
        ]),
        new("数据交换", Icons.Material.Filled.SyncAlt,
        [
            new("上下级数据交换", null, Icons.Material.Filled.ImportExport, Admin),
        ]),
        new("扩展子系统", Icons.Material.Filled.Extension,
        [
            new("城乡环境综合问题治理库", null, Icons.Material.Filled.Nature, Centre),
            new("违法停车数字管理", null, Icons.Material.Filled.LocalParking, Centre),
            new("小广告治理", null, Icons.Material.Filled.Campaign, Centre),
            new("智能视频分析", null, Icons.Material.Filled.Videocam, Centre),
            new("车辆卡口", null, Icons.Material.Filled.Traffic, Centre),
            new("单兵与车载视频", null, Icons.Material.Filled.VideoCameraFront, Centre),
            new("市民通", null, Icons.Material.Filled.PeopleAlt, Centre),
            new("12319热线", "/hotline", Icons.Material.Filled.Phone, [StaffRole.Operator]),
            new("公安视频共享", null, Icons.Material.Filled.Security, Centre),
            new("执法全过程记录", null, Icons.Material.Filled.RecordVoiceOver, Centre),
            new("镇乡考核扣分", null, Icons.Material.Filled.Rule, Centre),
        ], IsExtension: true),
    ];

    /// <summary>The groups and items a user with <paramref name="roles"/> sees; empty groups are dropped.</summary>
    public static IReadOnlyList<NavGroup> For(IReadOnlySet<string> roles) =>
        Groups.Select(g => g with { Items = g.Items.Where(i => i.Roles.Any(roles.Contains)).ToList() })
            .Where(g => g.Items.Count > 0)
            .ToList();
}

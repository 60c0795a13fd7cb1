using CityMgmt.Domain.Organisation;
using CityMgmt.Web.Components.Layout;

namespace CityMgmt.Tests.Web.Shell;

public class NavCatalogTests
{
    [Fact]
    public void Groups_FollowTheNineStandardSubsystemsThenExtensions()
    {
        var titles = NavCatalog.Groups.Select(g => g.Title).ToList();

        titles.ShouldBe(["监督指挥", "无线数据采集", "监督中心受理", "协同工作", "综合评价", "地理编码", "基础数据资源管理", "应用维护", "数据交换", "扩展子系统"]);
        NavCatalog.Groups[^1].IsExtension.ShouldBeTrue();
        NavCatalog.Groups[^1].Items.Count.ShouldBe(11);
    }

    [Fact]
    public void For_Supervisor_HidesAdministrationAndBaseData()
    {
        var groups = NavCatalog.For(new HashSet<string> { StaffRole.Supervisor }).Select(g => g.Title).ToList();

        groups.ShouldContain("无线数据采集");
        groups.ShouldNotContain("应用维护");
        groups.ShouldNotContain("基础数据资源管理");
    }

    [Fact]
    public void For_Admin_ShowsEveryMaintenancePage()
    {
        var maintenance = NavCatalog.For(new HashSet<string> { StaffRole.Admin }).Single(g => g.Title == "应用维护");

        maintenance.Items.Where(i => i.Href is not null).Select(i => i.Href).ShouldBe(["/admin/users", "/admin/org-units", "/admin/categories", "/admin/calendar", "/admin/workflows", "/admin/audit"]);
    }

    [Fact]
    public void For_Supervisor_ShowsTheMapButNotMapEditing()
    {
        var items = NavCatalog.For(new HashSet<string> { StaffRole.Supervisor }).SelectMany(g => g.Items).Select(i => i.Href).ToList();
        var admin = NavCatalog.For(new HashSet<string> { StaffRole.Admin }).SelectMany(g => g.Items).Select(i => i.Href).ToList();

        items.ShouldContain("/map");
        items.ShouldNotContain("/map/edit");
        admin.ShouldContain("/map/edit");
    }

    [Fact]
    public void For_NoRole_ShowsNothing() => NavCatalog.For(new HashSet<string>()).ShouldBeEmpty();
}

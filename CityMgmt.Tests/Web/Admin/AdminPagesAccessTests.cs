using System.Reflection;
using CityMgmt.Domain.Organisation;
using CityMgmt.Web.Components.Pages.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace CityMgmt.Tests.Web.Admin;

public class AdminPagesAccessTests
{
    [Theory]
    [InlineData(typeof(UsersPage), "/admin/users")]
    [InlineData(typeof(OrgUnitsPage), "/admin/org-units")]
    [InlineData(typeof(CategoriesPage), "/admin/categories")]
    [InlineData(typeof(CalendarPage), "/admin/calendar")]
    [InlineData(typeof(AuditPage), "/admin/audit")]
    public void Page_ServesMenuHref_OnlyForAdministrators(Type page, string href)
    {
        page.GetCustomAttributes<RouteAttribute>().Select(r => r.Template).ShouldBe([href]);
        page.GetCustomAttributes<AuthorizeAttribute>().ShouldContain(a => a.Roles == StaffRole.Admin);
    }
}

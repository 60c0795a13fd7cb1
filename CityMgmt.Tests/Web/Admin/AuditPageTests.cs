using Bunit;
using CityMgmt.Domain.Audit;
using CityMgmt.Domain.Calendar;
using CityMgmt.Infrastructure.Audit;
using CityMgmt.Infrastructure.Calendar;
using CityMgmt.Tests.Support;
using CityMgmt.Web.Components.Pages.Admin;

namespace CityMgmt.Tests.Web.Admin;

public class AuditPageTests
{
    [Fact]
    public async Task LoginTab_AsAdmin_ShowsEventsInChinaTimeAndChineseNames()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        await services.Get<AuditLog>().LoginAsync(LoginEventKind.Failure, "sly", null, "10.0.0.8", "test", "密码错误");
        await using var ctx = await BunitHost.CreateAsync(services, "admin");

        var cut = ctx.Render<AuditPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=audit-logins] tbody tr").TextContent.ShouldContain("sly"));
        var cells = cut.Find("[data-testid=audit-logins] tbody tr").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        cells.ShouldBe(["2026-03-02 10:00", "sly", "登录失败", "10.0.0.8", "密码错误"]);
    }

    [Fact]
    public async Task LoginTab_FilterByUserName_ShowsOnlyThatUser()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var audit = services.Get<AuditLog>();
        await audit.LoginAsync(LoginEventKind.Success, "jdy", "demo-jdy", "10.0.0.7", "test");
        await audit.LoginAsync(LoginEventKind.Failure, "sly", null, "10.0.0.8", "test", "密码错误");
        await using var ctx = await BunitHost.CreateAsync(services, "admin");
        var cut = ctx.Render<AuditPage>();
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=audit-logins] tbody tr").Count.ShouldBe(2));

        cut.Find("input[data-testid=audit-user]").Change("jdy");
        await cut.Find("[data-testid=audit-search]").ClickAsync(new());

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=audit-logins] tbody tr").ShouldHaveSingleItem().TextContent.ShouldContain("登录成功"));
        cut.Find("[data-testid=audit-logins]").TextContent.ShouldNotContain("sly");
    }

    [Fact]
    public async Task AdminTab_AfterCalendarChange_ShowsWhoDidWhat()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var admin = await services.StaffAsync("admin");
        await services.Get<CalendarAdminService>().AddAsync(admin, new DateOnly(2027, 1, 1), CalendarDayKind.Holiday, "元旦");
        await using var ctx = await BunitHost.CreateAsync(services, "admin");
        var cut = ctx.Render<AuditPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=audit-logins]"));

        await cut.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "管理操作日志").ClickAsync(new());

        cut.WaitForAssertion(() => cut.Find("[data-testid=audit-admin] tbody tr"));
        var cells = cut.Find("[data-testid=audit-admin] tbody tr").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        cells.ShouldBe(["2026-03-02 10:00", "系统管理员", "新增工作日历", "2027-01-01", "节假日：元旦"]);
    }
}

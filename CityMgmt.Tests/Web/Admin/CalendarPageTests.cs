using Bunit;
using CityMgmt.Domain.Calendar;
using CityMgmt.Infrastructure.Calendar;
using CityMgmt.Tests.Support;
using CityMgmt.Web.Components.Pages.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CityMgmt.Tests.Web.Admin;

public class CalendarPageTests
{
    [Fact]
    public async Task Render_In2026_ShowsSeededHolidaysSummaryAndDefaultPeriods()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var seeded = await services.Get<CalendarAdminService>().ListAsync(2026);
        await using var ctx = await AdminAsync(services, TestClock.Create());

        var cut = ctx.Render<CalendarPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=calendar-remove-2026-10-01]"));
        Cells(cut, "2026-10-01").ShouldBe(["2026-10-01", "周四", "法定节假日", "国庆节", "删除"]);
        Cells(cut, "2026-10-10").ShouldBe(["2026-10-10", "周六", "调休上班", "国庆节调休", "删除"]);
        cut.Find("[data-testid=calendar-summary]").TextContent.ShouldBe(
            $"2026年：节假日 {seeded.Count(d => d.Kind == CalendarDayKind.Holiday)} 天，调休上班 {seeded.Count(d => d.Kind == CalendarDayKind.MakeupWorkday)} 天");
        cut.Find("[data-testid=calendar-periods]").TextContent.ShouldContain("08:00–12:00、14:00–18:00");
        cut.Find("[data-testid=calendar-periods]").TextContent.ShouldContain("周一、周二、周三、周四、周五");
    }

    [Fact]
    public async Task Render_In2027_DefaultsToThatYearWhichIsEmpty()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await AdminAsync(services, TestClock.Create(new DateTimeOffset(2027, 3, 1, 2, 0, 0, TimeSpan.Zero)));

        var cut = ctx.Render<CalendarPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=calendar-summary]").TextContent.ShouldBe("2027年：节假日 0 天，调休上班 0 天"));
        cut.Markup.ShouldContain("2027 年尚未设置节假日和调休上班日");
        cut.FindAll("[data-testid^=calendar-remove-]").ShouldBeEmpty();
    }

    [Fact]
    public async Task AddForm_NewHoliday_AppearsInTableAndSummary()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await AdminAsync(services, TestClock.Create());
        var cut = ctx.Render(AdminPageHost.WithProviders<CalendarPage>());
        cut.WaitForAssertion(() => cut.Find("[data-testid=calendar-remove-2026-10-01]"));
        var before = cut.Find("[data-testid=calendar-summary]").TextContent;

        cut.Find("input[data-testid=calendar-date]").Change("2026-12-31");
        cut.Find("input[data-testid=calendar-name]").Change("跨年假期");
        await cut.Find("[data-testid=calendar-add]").ClickAsync(new());

        cut.WaitForAssertion(() => Cells(cut, "2026-12-31").ShouldBe(["2026-12-31", "周四", "法定节假日", "跨年假期", "删除"]));
        cut.Find("[data-testid=calendar-summary]").TextContent.ShouldNotBe(before);
        ctx.Snackbars().ShouldContain("已添加 2026-12-31 法定节假日");
    }

    [Fact]
    public async Task AddForm_DateAlreadySet_ShowsChineseErrorAndKeepsInput()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await AdminAsync(services, TestClock.Create());
        var cut = ctx.Render(AdminPageHost.WithProviders<CalendarPage>());
        cut.WaitForAssertion(() => cut.Find("[data-testid=calendar-remove-2026-10-01]"));

        cut.Find("input[data-testid=calendar-date]").Change("2026-10-01");
        cut.Find("input[data-testid=calendar-name]").Change("国庆节");
        await cut.Find("[data-testid=calendar-add]").ClickAsync(new());

        ctx.Snackbars().ShouldContain("2026-10-01 重复设置");
        cut.Find("input[data-testid=calendar-date]").GetAttribute("value").ShouldBe("2026-10-01");
        cut.Find("input[data-testid=calendar-name]").GetAttribute("value").ShouldBe("国庆节");
        cut.FindAll("tbody tr").Count(r => r.TextContent.Contains("2026-10-01")).ShouldBe(1);
    }

    [Fact]
    public async Task Delete_Confirmed_RowGone()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await AdminAsync(services, TestClock.Create());
        var cut = ctx.Render(AdminPageHost.WithProviders<CalendarPage>());
        cut.WaitForAssertion(() => cut.Find("[data-testid=calendar-remove-2026-10-01]"));

        cut.Find("[data-testid=calendar-remove-2026-10-07]").Click();
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("确定删除 2026-10-07"));
        await cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "删除").ClickAsync(new());

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=calendar-remove-2026-10-07]").ShouldBeEmpty());
        (await services.Get<CalendarAdminService>().ListAsync(2026)).ShouldNotContain(d => d.Date == new DateOnly(2026, 10, 7));
    }

    /// <summary>Signed in as admin; the page reads "now" from the bUnit container, where MudBlazor registers the system clock.</summary>
    private static async Task<BunitContext> AdminAsync(TestServices services, TimeProvider clock)
    {
        var ctx = await BunitHost.CreateAsync(services, "admin");
        ctx.Services.AddSingleton(clock);
        return ctx;
    }

    private static List<string> Cells<T>(IRenderedComponent<T> cut, string date)
        where T : IComponent =>
        cut.FindAll("tbody tr")
            .Single(r => r.QuerySelector("td")?.TextContent.Trim() == date)
            .QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
}

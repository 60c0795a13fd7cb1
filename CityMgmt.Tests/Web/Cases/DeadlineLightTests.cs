using Bunit;
using CityMgmt.Domain.Calendar;
using CityMgmt.Tests.Support;
using CityMgmt.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CityMgmt.Tests.Web.Cases;

public sealed class DeadlineLightTests
{
    // Monday 2026-03-02 08:00 → 18:00 China time: 8 working hours (lunch 12:00–14:00 excluded).
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Deadline = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-03-02T04:00:00Z", "green", "剩余 4小时")] // 12:00: 50 % used
    [InlineData("2026-03-02T09:12:00Z", "yellow", "剩余 48分")] // 17:12: 90 % used
    [InlineData("2026-03-03T01:36:00Z", "red", "超期 1小时36分")] // Tuesday 09:36: 120 % used
    [InlineData("2026-03-04T10:00:00Z", "red", "超期 2工作日")] // Wednesday 18:00: two working days late
    public async Task Render_ShareOfLimitUsed_ShowsLevelAndTimeLeft(string now, string level, string text)
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "zbz");
        ctx.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

        var cut = ctx.Render<DeadlineLight>(p => p.Add(x => x.Start, Start).Add(x => x.Deadline, Deadline));

        cut.WaitForAssertion(() => cut.Find("[data-testid=deadline-light]").GetAttribute("data-level").ShouldBe(level));
        cut.Find("[data-testid=deadline-text]").TextContent.ShouldBe(text);
    }

    [Fact]
    public async Task Render_EveningAfterDeadline_IsRedThoughNoWorkingTimePassed()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "zbz");
        ctx.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Deadline.AddHours(2)));

        var cut = ctx.Render<DeadlineLight>(p => p.Add(x => x.Start, Start).Add(x => x.Deadline, Deadline));

        cut.WaitForAssertion(() => cut.Find("[data-testid=deadline-light]").GetAttribute("data-level").ShouldBe("red"));
        cut.Find("[data-testid=deadline-text]").TextContent.ShouldBe("超期 不足1分");
    }

    [Fact]
    public async Task Render_UrgentLimit_CountsNaturalHoursThroughTheNight()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "zbz");

        // 2 urgent hours from 17:00: at 18:30 (75 %) still green with 30 minutes left, though working time has ended.
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        ctx.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(start.AddMinutes(90)));

        var cut = ctx.Render<DeadlineLight>(p => p.Add(x => x.Start, start).Add(x => x.Deadline, start.AddHours(2)).Add(x => x.Unit, TimeLimitUnit.UrgentHours));

        cut.WaitForAssertion(() => cut.Find("[data-testid=deadline-light]").GetAttribute("data-level").ShouldBe("green"));
        cut.Find("[data-testid=deadline-text]").TextContent.ShouldBe("剩余 30分");
    }

    [Fact]
    public async Task Render_StoppedBeforeDeadline_SaysFinishedInTime()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "zbz");
        ctx.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Deadline.AddDays(3)));

        var cut = ctx.Render<DeadlineLight>(p => p.Add(x => x.Start, Start).Add(x => x.Deadline, Deadline).Add(x => x.StoppedAt, Start.AddHours(2)));

        cut.WaitForAssertion(() => cut.Find("[data-testid=deadline-light]").GetAttribute("data-level").ShouldBe("green"));
        cut.Find("[data-testid=deadline-text]").TextContent.ShouldBe("按期完成");
    }
}

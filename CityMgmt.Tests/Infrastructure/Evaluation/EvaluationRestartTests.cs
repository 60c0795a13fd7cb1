using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Evaluation.Runs;
using CityMgmt.Infrastructure;
using CityMgmt.Infrastructure.Evaluation;
using CityMgmt.Infrastructure.Identity;
using CityMgmt.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CityMgmt.Tests.Infrastructure.Evaluation;

/// <summary>The real host with Quartz on its persistent store: a scheduled run missed while the app was down.</summary>
public class EvaluationRestartTests
{
    [Fact]
    public async Task WeeklyRun_MissedWhileTheAppWasDown_RunsOnceAfterStart()
    {
        var folder = TestServices.NewFolder();
        File.Copy(await SeededTemplate.GetAsync(), Path.Combine(folder, "citymgmt.db"));

        // Sunday 1 March 2026, 12:00 China time: the weekly trigger (Monday 02:00) is still ahead.
        using (var first = await StartAsync(folder, TestClock.Create(new DateTimeOffset(2026, 3, 1, 4, 0, 0, TimeSpan.Zero))))
        {
            await first.Services.GetRequiredService<EvaluationCatchUp>().Completion;
            await first.StopAsync();
        }

        (await RunsAsync(folder, PeriodKind.Week, new DateOnly(2026, 2, 23))).ShouldBeEmpty();

        // Down over Monday 02:00; back at Monday 10:00.
        using (var second = await StartAsync(folder, TestClock.Create(TestClock.MondayMorning)))
        {
            var caughtUp = await second.Services.GetRequiredService<EvaluationCatchUp>().Completion;
            caughtUp.Select(r => r.PeriodLabel).ShouldBe(["2026年第9周"]);
            await second.StopAsync();
        }

        using (var third = await StartAsync(folder, TestClock.Create(TestClock.MondayMorning.AddHours(1))))
        {
            (await third.Services.GetRequiredService<EvaluationCatchUp>().Completion).ShouldBeEmpty();
            await third.StopAsync();
        }

        (await RunsAsync(folder, PeriodKind.Week, new DateOnly(2026, 2, 23))).ShouldBe([RunTrigger.CatchUp]);
        (await RunsAsync(folder, PeriodKind.Month, new DateOnly(2026, 2, 1))).Count.ShouldBe(1, "February was run once, at the first start");
        SqliteConnection.ClearAllPools();
        TestServices.TryDelete(folder);
    }

    [Fact]
    public async Task Cron_ChangedByAnAdministrator_SurvivesARestart()
    {
        var folder = TestServices.NewFolder();
        File.Copy(await SeededTemplate.GetAsync(), Path.Combine(folder, "citymgmt.db"));
        using (var first = await StartAsync(folder, TestClock.Create()))
        {
            await first.Services.GetRequiredService<EvaluationCatchUp>().Completion;
            await using var scope = first.Services.CreateAsyncScope();
            var admin = (await scope.ServiceProvider.GetRequiredService<CityMgmt.Infrastructure.Organisation.UserDirectory>().LoadAsync("demo-admin"))!;
            var schedules = scope.ServiceProvider.GetRequiredService<EvaluationSchedules>();
            (await schedules.SetAsync(admin, PeriodKind.Week, "not a cron")).IsFailure.ShouldBeTrue();
            (await schedules.SetAsync(admin, PeriodKind.Week, "0 30 6 ? * TUE")).IsSuccess.ShouldBeTrue();
            await first.StopAsync();
        }

        using (var second = await StartAsync(folder, TestClock.Create()))
        {
            await second.Services.GetRequiredService<EvaluationCatchUp>().Completion;
            await using var scope = second.Services.CreateAsyncScope();
            var list = await scope.ServiceProvider.GetRequiredService<EvaluationSchedules>().ListAsync();
            list.Single(s => s.Kind == PeriodKind.Week).Cron.ShouldBe("0 30 6 ? * TUE");
            list.Single(s => s.Kind == PeriodKind.Month).Cron.ShouldBe(EvaluationSchedules.DefaultMonthly);
            await second.StopAsync();
        }

        SqliteConnection.ClearAllPools();
        TestServices.TryDelete(folder);
    }

    private static async Task<List<RunTrigger>> RunsAsync(string folder, PeriodKind kind, DateOnly start)
    {
        var options = new DbContextOptionsBuilder().UseSqlite($"Data Source={Path.Combine(folder, "citymgmt.db")}").Options;
        await using var db = new CityMgmt.Infrastructure.Persistence.Providers.SqliteCityDbContext(options);
        return await db.EvaluationRuns.Where(r => r.PeriodKind == kind && r.PeriodStart == start).Select(r => r.Trigger).ToListAsync();
    }

    private static async Task<IHost> StartAsync(string folder, TimeProvider clock)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", ContentRootPath = folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:DataFolder"] = folder,
            ["Database:SchedulerName"] = "test-" + Path.GetFileName(folder),
            ["Seed:Demo"] = "true",
            ["Seed:Profile"] = "Small",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<ICurrentUser>(new TestCurrentUser());
        builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
        builder.Services.AddCityIdentity(new SecurityOptions());
        var host = builder.Build();
        await host.StartAsync();

        // Quartz swallows a stop requested while it builds its scheduler and leaves that scheduler shut down.
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested
            .ShouldBeFalse("the host was asked to stop while starting (a background service failed?): see its log");
        return host;
    }
}

using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Identity;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Workflows;
using CityMgmt.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CityMgmt.Tests.Infrastructure.Workflows;

/// <summary>The real host: migrator, Quartz on its persistent store in the app database, the timer sweep job.</summary>
public class WorkflowRestartTests
{
    [Fact]
    public async Task Timer_DueWhileTheHostIsDown_FiresOnceAfterItStartsAgain()
    {
        var folder = TestServices.NewFolder();
        File.Copy(await SeededTemplate.GetAsync(), Path.Combine(folder, "citymgmt.db"));
        Guid caseId;
        using (var first = await StartAsync(folder, TestClock.Create()))
        {
            // Monday 10:00: 暴露垃圾 (4 工作时) dispatched; the 80 % warning is due at 15:12.
            caseId = await DispatchACaseAsync(first.Services);
            await Task.Delay(TimeSpan.FromSeconds(2)); // the first sweep ran and found nothing due
            await first.StopAsync();
        }

        (await WarningsAsync(folder, caseId)).ShouldBe(0, "nothing is due before 15:12");

        // The app was down over the due time: it comes back at 15:30.
        var later = TestClock.MondayMorning.AddHours(5.5);
        using (var second = await StartAsync(folder, TestClock.Create(later)))
        {
            var deadline = DateTime.UtcNow.AddSeconds(40);
            while (await WarningsAsync(folder, caseId) == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }

            await second.StopAsync();
        }

        (await WarningsAsync(folder, caseId)).ShouldBe(1);
        using (var third = await StartAsync(folder, TestClock.Create(later)))
        {
            await Task.Delay(TimeSpan.FromSeconds(17)); // longer than one sweep interval
            await third.StopAsync();
        }

        (await WarningsAsync(folder, caseId)).ShouldBe(1);
        SqliteConnection.ClearAllPools();
        TestServices.TryDelete(folder);
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

    private static CityDbContext NewDb(IServiceProvider services) =>
        new CityDbContextFactory(services.GetRequiredService<ContextOptionsHolder>(), SystemUser.Instance).CreateDbContext();

    private static async Task<int> WarningsAsync(string folder, Guid caseId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "citymgmt.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM CaseHistory WHERE CaseId = $id AND Action = 'DeadlineWarning'";
        command.Parameters.AddWithValue("$id", caseId.ToString().ToUpperInvariant());
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<Guid> DispatchACaseAsync(IServiceProvider root)
    {
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        async Task<StaffContext> Staff(string user) => (await services.GetRequiredService<UserDirectory>().LoadAsync("demo-" + user))!;
        await using var db = NewDb(root);
        var category = await db.Categories.FirstAsync(c => c.Kind == CategoryKind.Event && c.MajorCode == "01" && c.MinorCode == "02");
        var grid = await db.Grids.OrderBy(g => g.Code).FirstAsync();
        var report = new NewCaseReport(CaseSource.SupervisorReport, category.Id, new GeoPoint(104.01, 30.51), "人民路12号附近", "重启测试",
            new CaseLocation(grid.Id, grid.Code.Value, grid.CommunityId, grid.StreetId));
        var number = (await services.GetRequiredService<CaseReportingService>().ReportAsync(await Staff("jdy"), report)).Value;
        var caseId = await db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
        var sz = await db.OrgUnits.Where(o => o.Code == "SZ").Select(o => o.Id).SingleAsync();
        foreach (var (user, outcome, form) in new[] { ("sly", "受理", TaskForm.Empty), ("zbz", "立案", TaskForm.Empty), ("pqy", "派遣", new TaskForm(null, sz)) })
        {
            var staff = await Staff(user);
            var inbox = services.GetRequiredService<TaskInbox>();
            var task = (await inbox.ForCaseAsync(staff, caseId)).Single();
            (await inbox.CompleteAsync(staff, task.Id, outcome, form)).IsSuccess.ShouldBeTrue();
        }

        (await db.WorkflowTasks.SingleAsync(t => t.CaseId == caseId && t.Status == WorkflowTaskStatus.Open)).Name.ShouldBe("处置");
        return caseId;
    }
}

using System.Diagnostics;
using System.Text.Json;
using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Components;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Identity;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityMgmt.Infrastructure.Seeding;

/// <summary>
/// Seeds the fictional 示范县 on first start in demo mode. All base data and cases are written in one
/// transaction together with a marker, so a second run (or a crash half-way) never duplicates anything.
/// </summary>
public sealed partial class DemoCountySeeder(
    IDbContextFactory<CityDbContext> factory,
    CodeListSeeder codeLists,
    UserManager<ApplicationUser> users,
    IOptions<SeedOptions> options,
    IOptions<StageLimitOptions> stages,
    Workflows.WorkflowRuntime workflows,
    Calendar.CalendarProvider calendars,
    TimeProvider clock,
    ILogger<DemoCountySeeder> logger)
{
    public const string CentreCode = "CENTRE";
    public const string MarkerKey = "Seed.DemoCounty";

    public async Task SeedAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using (var check = factory.CreateDbContext())
        {
            if (await check.Settings.AnyAsync(s => s.Key == MarkerKey, ct))
            {
                logger.LogInformation("Demo county already seeded; nothing to do");
                await EnsureUsersAsync(ct);
                return;
            }
        }

        // One transaction under the provider's execution strategy (SQL Server's retrying strategy refuses one begun
        // outside it); a rerun after a transient failure starts from nothing, with the same random seed.
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(token => SeedOnceAsync(db, watch, token), ct);
        }

        calendars.Invalidate();
        await EnsureUsersAsync(ct);
        logger.LogInformation("Demo county seeded in {Seconds:F1} s", watch.Elapsed.TotalSeconds);
    }

    private async Task SeedOnceAsync(CityDbContext db, Stopwatch watch, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var layout = DemoLayout.For(options.Value.Profile);
        var random = new Random(options.Value.RandomSeed);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var geography = DemoGeography.Build(layout);
        db.Divisions.AddRange(geography.Divisions);
        db.ResponsibilityGrids.AddRange(geography.ResponsibilityAreas);
        db.Gazetteer.AddRange(DemoGazetteer.Build(geography));
        var departments = AddOrganisation(db, geography);
        await db.SaveChangesAsync(ct);
        await BulkInserter.InsertAsync(db, geography.Grids, "seed", now, ct);
        logger.LogInformation("Demo seed: {Divisions} divisions, {Grids} unit grids, {Units} org units ({Ms} ms)",
            geography.Divisions.Count, geography.Grids.Count, departments.Count + 5, watch.ElapsedMilliseconds);

        await codeLists.SeedAsync(db, departments, ct);
        var classes = await db.Categories.AsNoTracking().ToListAsync(ct);
        var componentClasses = classes.Where(c => c is { Kind: CategoryKind.Component, IsMinor: true }).ToDictionary(c => c.FullCode);
        var deptNames = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var sample = new List<CityComponent>();
        var components = DemoComponents.Generate(layout, geography.Grids, componentClasses, deptNames, departments["SZ"], random)
            .Select(c =>
            {
                if (random.Next(40) == 0)
                {
                    sample.Add(c);
                }

                return c;
            });
        var inserted = await BulkInserter.InsertAsync(db, components, "seed", now, ct);
        logger.LogInformation("Demo seed: {Count} components ({Ms} ms)", inserted, watch.ElapsedMilliseconds);

        var calendarDays = HolidayFile.Load().Select(h => CalendarDay.Create(h.Date, h.Kind, h.Name).Value).ToList();
        db.CalendarDays.AddRange(calendarDays);
        var calendar = WorkingCalendar.WithDefaults(calendarDays).Value;
        var actors = DemoActors();
        var cases = new DemoCases(calendar, stages.Value, actors, random, now);
        var eventClasses = classes.Where(c => c is { Kind: CategoryKind.Event, IsMinor: true }).ToList();
        var classesById = classes.ToDictionary(c => c.Id);
        var demoCases = cases.Generate(layout.Cases, geography.Grids, eventClasses, classesById, sample).ToList();
        db.Cases.AddRange(demoCases);
        foreach (var open in demoCases.Where(c => !c.Status.IsFinal()))
        {
            var replayed = await workflows.ReplayAsync(db, open, classesById[open.CategoryId], ct);
            if (replayed.IsFailure)
            {
                throw new InvalidOperationException($"Demo case {open.Number} could not join the workflow: {replayed.Error}");
            }
        }

        db.CaseNumberCounters.AddRange(cases.Counters.Select(c => new CaseNumberCounter { Day = c.Key, Last = c.Value }));
        db.Settings.Add(new AppSetting { Key = MarkerKey, Value = $"{options.Value.Profile};{now:O}" });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Demo seed: {Cases} historical cases; base data committed ({Ms} ms)", layout.Cases, watch.ElapsedMilliseconds);
    }

    private static Dictionary<string, Guid> AddOrganisation(CityDbContext db, DemoGeography geography)
    {
        db.OrgUnits.Add(OrgUnit.Create(CentreCode, "示范县数字化城市管理监督指挥中心", OrgUnitKind.Centre, shortName: "指挥中心").Value);
        foreach (var town in geography.Townships)
        {
            db.OrgUnits.Add(OrgUnit.Create("FZX" + town.Code[6..], $"{town.Name}数字城管分中心", OrgUnitKind.SubCentre, town.Id, town.Name + "分中心").Value);
        }

        var departments = new Dictionary<string, Guid>();
        foreach (var row in DepartmentFile.Load())
        {
            var unit = OrgUnit.Create(row.Code, row.Name, OrgUnitKind.Department, shortName: row.ShortName).Value;
            db.OrgUnits.Add(unit);
            departments[row.Code] = unit.Id;
        }

        return departments;
    }

    private static Dictionary<string, Actor> DemoActors() =>
        DemoUsers.All.GroupBy(u => u.Role).ToDictionary(
            g => g.Key,
            g => new Actor(DemoUserId(g.First().UserName), g.First().DisplayName, g.Key));

    /// <summary>Demo users get stable ids so seeded history points at them.</summary>
    internal static string DemoUserId(string userName) => $"demo-{userName}";

    private async Task EnsureUsersAsync(CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.Id, ct);
        foreach (var (userName, displayName, role, orgCode) in DemoUsers.All)
        {
            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }

            var user = new ApplicationUser
            {
                Id = DemoUserId(userName),
                UserName = userName,
                DisplayName = displayName,
                OrgUnitId = units.GetValueOrDefault(orgCode),
                CreatedAt = clock.GetUtcNow(),
            };
            SeedRunner.Check(await users.CreateAsync(user, options.Value.DemoPassword), userName);
            SeedRunner.Check(await users.AddToRoleAsync(user, role), userName);
        }

        var supervisor = await users.FindByNameAsync("jdy");
        if (supervisor is not null)
        {
            await db.ResponsibilityGrids.Where(r => r.SupervisorUserId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.SupervisorUserId, supervisor.Id), ct);
        }
    }

    private sealed record DepartmentRow(string Code, string Name, string? ShortName)
    {
    }

    private static class DepartmentFile
    {
        public static List<DepartmentRow> Load() => SeedResources.Load<List<DepartmentRow>>("departments-demo.json");
    }

    private sealed record HolidayRow(DateOnly Date, CalendarDayKind Kind, string Name);

    private static class HolidayFile
    {
        public static List<HolidayRow> Load() => SeedResources.Load<List<HolidayRow>>("holidays-demo.json");
    }
}

internal static class SeedResources
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static T Load<T>(string fileName)
    {
        using var stream = typeof(SeedResources).Assembly.GetManifestResourceStream($"CityMgmt.Infrastructure.Seeding.Data.{fileName}")
            ?? throw new InvalidOperationException($"Embedded seed file {fileName} is missing.");
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidOperationException($"{fileName} is empty.");
    }
}

using CityMgmt.Infrastructure;
using CityMgmt.Infrastructure.Identity;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CityMgmt.Tests.Support;

/// <summary>
/// The real Infrastructure services on a real SQLite file in a temp folder, migrated by the real
/// migrator. <see cref="FromTemplateAsync"/> starts from a copy of the small demo county.
/// </summary>
public sealed class TestServices : IAsyncDisposable
{
    private readonly ServiceProvider _root;

    private TestServices(ServiceProvider root, string folder, TestCurrentUser user)
    {
        _root = root;
        DataFolder = folder;
        User = user;
    }

    public IServiceProvider Services => _root;

    public string DataFolder { get; }

    public string DatabaseFile => Path.Combine(DataFolder, "citymgmt.db");

    /// <summary>Whose name the auditing interceptor writes.</summary>
    public TestCurrentUser User { get; }

    public static async Task<TestServices> CreateEmptyAsync(TimeProvider? clock = null, IDictionary<string, string?>? settings = null)
    {
        var services = Build(NewFolder(), clock, demo: false, settings);
        await services.MigrateAsync();
        return services;
    }

    /// <summary>A copy of the small demo county (seeded once per test run).</summary>
    public static async Task<TestServices> FromTemplateAsync(TimeProvider? clock = null, IDictionary<string, string?>? settings = null)
    {
        var folder = NewFolder();
        File.Copy(await SeededTemplate.GetAsync(), Path.Combine(folder, "citymgmt.db"));
        var services = Build(folder, clock, demo: true, settings);
        await services.MigrateAsync();
        return services;
    }

    internal static TestServices Build(string folder, TimeProvider? clock, bool demo, IDictionary<string, string?>? settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataFolder"] = folder,
            ["Database:SchedulerName"] = "test-" + Path.GetFileName(folder), // tells the hosts apart in Quartz logs
            ["Seed:Demo"] = demo ? "true" : "false",
            ["Seed:Profile"] = "Small",
            ["Seed:AdminPassword"] = "Admin@12345",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddSingleton(clock ?? TimeProvider.System);
        var user = new TestCurrentUser();
        services.AddSingleton<ICurrentUser>(user);
        services.AddInfrastructure(configuration, new TestEnvironment(folder));
        services.AddCityIdentity(new SecurityOptions());
        return new TestServices(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), folder, user);
    }

    public async Task MigrateAsync()
    {
        await using var scope = _root.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<DatabaseMigrator>(scope.ServiceProvider).StartAsync(CancellationToken.None);
    }

    public CityDbContext NewDb() => _root.GetRequiredService<ContextOptionsHolder>() is var holder
        ? new CityDbContextFactory(holder, User).CreateDbContext()
        : throw new InvalidOperationException();

    /// <summary>A scoped service from a fresh scope (the scope lives as long as this host).</summary>
    public T Get<T>()
        where T : notnull => _root.CreateScope().ServiceProvider.GetRequiredService<T>();

    public async Task<StaffContext> StaffAsync(string userName)
    {
        await using var db = NewDb();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return await Get<UserDirectory>().LoadAsync(id) ?? throw new InvalidOperationException($"{userName} inactive");
    }

    public async ValueTask DisposeAsync()
    {
        await _root.DisposeAsync();
        SqliteConnection.ClearAllPools();
        TryDelete(DataFolder);
    }

    internal static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "citymgmt-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    internal static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class TestEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "CityMgmt.Tests";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

public sealed class TestCurrentUser : ICurrentUser
{
    public string? UserId { get; set; }

    public string UserName { get; set; } = "test";
}

/// <summary>Pins "now" for deterministic tests: 2026-03-02 (a Monday) 10:00 China time.</summary>
public static class TestClock
{
    public static readonly DateTimeOffset MondayMorning = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create(DateTimeOffset? at = null) => new(at ?? MondayMorning);
}

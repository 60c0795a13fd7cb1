using CityMgmt.Infrastructure;
using CityMgmt.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CityMgmt.Benchmarks;

/// <summary>The app's infrastructure on a SQLite file in a benchmark's work folder, demo seeding on (run the migrator to seed).</summary>
public static class BenchHost
{
    public static ServiceProvider Build(string folder, string profile = "Small", Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataFolder"] = folder,
            ["Seed:Demo"] = "true",
            ["Seed:Profile"] = profile,
            ["Seed:AdminPassword"] = "Bench@12345",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddSingleton<ICurrentUser>(SystemUser.Instance);
        services.AddInfrastructure(configuration, new BenchEnvironment(folder));
        services.AddCityIdentity(new SecurityOptions());
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    private sealed class BenchEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Benchmark";

        public string ApplicationName { get; set; } = "CityMgmt.Benchmarks";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

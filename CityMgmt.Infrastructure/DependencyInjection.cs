using CityMgmt.Infrastructure.Audit;
using CityMgmt.Infrastructure.Calendar;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Cases.Intake;
using CityMgmt.Infrastructure.Evaluation;
using CityMgmt.Infrastructure.Field;
using CityMgmt.Infrastructure.Identity;
using CityMgmt.Infrastructure.Jobs;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Persistence.Interceptors;
using CityMgmt.Infrastructure.Reports;
using CityMgmt.Infrastructure.Seeding;
using CityMgmt.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CityMgmt.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Persistence, seeding and the feature services. The host adds Identity and its own ICurrentUser.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        services.AddOptions<SeedOptions>().Bind(configuration.GetSection(SeedOptions.Section));
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section));
        services.TryAddSingletonTimeProvider();

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = database.ResolveConnectionString(environment.ContentRootPath);
        services.AddSingleton<AuditingInterceptor>();
        services.AddSingleton(sp =>
        {
            var builder = new DbContextOptionsBuilder<CityDbContext>();
            _ = database.Provider switch
            {
                DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.EnableRetryOnFailure()),
                _ => builder.UseSqlite(connectionString),
            };
            builder.AddInterceptors(sp.GetRequiredService<AuditingInterceptor>());
            return new ContextOptionsHolder(database.Provider, builder.Options);
        });
        services.AddScoped<IDbContextFactory<CityDbContext>, CityDbContextFactory>();

        // Identity's stores resolve a scoped context; it comes from the same factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CityDbContext>>().CreateDbContext());

        services.AddScoped<SeedRunner>();
        services.AddScoped<CodeListSeeder>();
        services.AddScoped<DemoCountySeeder>();
        services.AddHostedService<StartupScope<DatabaseMigrator>>();

        services.AddSingleton<CalendarProvider>();
        services.AddScoped<CalendarAdminService>();
        services.AddScoped<CaseReportingService>();
        services.AddScoped<CaseActionService>();
        services.AddSingleton<CaseChangeNotifier>();
        services.AddCaseAttachments(configuration, database, environment.ContentRootPath);
        services.AddScoped<CaseQueries>();
        services.AddFieldWork();
        services.AddIntake(configuration);
        services.AddScoped<DashboardQueries>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<AuditLog>();
        services.AddScoped<BaseDataQueries>();
        services.AddScoped<CategoryAdminService>();
        services.AddScoped<OrgAdminService>();
        services.AddMapTiles();
        services.AddGeo();
        services.AddBaseDataImport();
        services.AddWorkflows();
        services.AddReports(configuration);
        services.AddEvaluation(configuration);
        services.AddScheduling(database, connectionString, quartz =>
        {
            quartz.AddWorkflowJobs();
            quartz.AddEvaluationJobs();
        });
        return services;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}

/// <summary>Runs a scoped startup service inside its own scope (hosted services are singletons).</summary>
internal sealed class StartupScope<T>(IServiceProvider provider) : IHostedService
    where T : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = provider.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<T>(scope.ServiceProvider).StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

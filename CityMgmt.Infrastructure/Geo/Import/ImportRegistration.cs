using CityMgmt.Infrastructure.Geo.Export;
using CityMgmt.Infrastructure.Geo.Import;
using CityMgmt.Infrastructure.Geo.Import.Census;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace beside AddInfrastructure, so registering it there needs no extra using.
namespace CityMgmt.Infrastructure;

public static class ImportRegistration
{
    /// <summary>Base-data import/export, census updates and the per-circuit import runner. Options from "BaseDataImport" when a configuration is registered.</summary>
    public static IServiceCollection AddBaseDataImport(this IServiceCollection services)
    {
        services.AddOptions<BaseDataImportOptions>().Configure<IServiceProvider>((options, provider) =>
            provider.GetService<IConfiguration>()?.GetSection(BaseDataImportOptions.Section).Bind(options));
        services.AddScoped<BaseDataImportService>();
        services.AddScoped<BaseDataExportService>();
        services.AddScoped<ComponentCensusService>();
        services.AddScoped<ImportRunner>();
        return services;
    }
}

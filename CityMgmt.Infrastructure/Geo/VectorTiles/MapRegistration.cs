using CityMgmt.Infrastructure.Geo.Editing;
using CityMgmt.Infrastructure.Geo.VectorTiles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CityMgmt.Infrastructure;

// In the root namespace beside AddInfrastructure, so registering it there needs no extra using.
public static class MapRegistration
{
    /// <summary>Vector tiles, the map's reads and the administrators' map editing. Options come from section "Map".</summary>
    public static IServiceCollection AddMapTiles(this IServiceCollection services)
    {
        // Bound from the host's configuration when there is one (test and benchmark hosts may register none).
        services.AddOptions<MapOptions>().Configure<IServiceProvider>((options, provider) =>
            provider.GetService<IConfiguration>()?.GetSection(MapOptions.Section).Bind(options));
        services.AddSingleton<TileCache>();
        services.AddScoped<TileFeatureSource>();
        services.AddScoped<VectorTileService>();
        services.AddScoped<MapQueries>();
        services.AddScoped<BaseDataEditService>();
        return services;
    }
}

using CityMgmt.Domain.Geocoding;
using CityMgmt.Infrastructure.Geo;
using Microsoft.Extensions.DependencyInjection;

namespace CityMgmt.Infrastructure;

// In the root namespace beside AddInfrastructure, so registering it there needs no extra using.
public static class GeoRegistration
{
    /// <summary>The geocoder: one instance holding the in-memory index for the whole application.</summary>
    public static IServiceCollection AddGeo(this IServiceCollection services)
    {
        services.AddSingleton<Geocoder>();
        services.AddSingleton<IGeocoder>(sp => sp.GetRequiredService<Geocoder>());
        return services;
    }
}

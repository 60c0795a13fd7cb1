using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CityMgmt.Infrastructure.Cases.Intake;

internal static class IntakeRegistration
{
    /// <summary>The 受理队列's queries and its duplicate-check settings, validated when the host starts.</summary>
    public static IServiceCollection AddIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DuplicateCheckOptions>().Bind(configuration.GetSection(DuplicateCheckOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DuplicateCheckOptions>, DuplicateCheckOptionsValidator>());
        services.AddScoped<IntakeQueries>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace CityMgmt.Infrastructure.Field;

public static class FieldRegistration
{
    /// <summary>城管通: the supervisor's task list and the phone's report path.</summary>
    public static IServiceCollection AddFieldWork(this IServiceCollection services) =>
        services.AddScoped<FieldTaskQueries>().AddScoped<FieldReportService>();
}

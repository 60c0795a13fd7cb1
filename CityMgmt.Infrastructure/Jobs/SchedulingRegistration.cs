using CityMgmt.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CityMgmt.Infrastructure.Jobs;

public static class SchedulingRegistration
{
    /// <summary>
    /// Quartz on its persistent ADO store in the application database (tables prefixed QRTZ_, created by
    /// Quartz itself when missing — ADR 0010). Jobs and triggers survive a restart.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, DatabaseOptions database, string connectionString, Action<IQuartzBuilder>? jobs = null)
    {
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = database.SchedulerName);
            q.UseDefaultThreadPool(2);
            q.UsePersistentStore(store =>
            {
                store.ProvisionSchema();
                store.UseSystemTextJsonSerializer(_ => { });
                _ = database.Provider == DatabaseProvider.SqlServer
                    ? store.UseSqlServer(connectionString)
                    : store.UseSqlite(connectionString);
            });
            jobs?.Invoke(q);
        });
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AwaitApplicationStarted = true;
        });
        return services;
    }
}

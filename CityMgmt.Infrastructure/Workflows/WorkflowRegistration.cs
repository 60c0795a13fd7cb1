using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CityMgmt.Infrastructure.Workflows;

public static class WorkflowRegistration
{
    public static IServiceCollection AddWorkflows(this IServiceCollection services)
    {
        services.AddSingleton<WorkflowCatalog>();
        services.AddScoped<WorkflowRuntime>();
        services.AddScoped<TaskInbox>();
        services.AddScoped<TimerSweeper>();
        services.AddScoped<WorkflowDefinitionService>();
        services.AddScoped<InstanceMigrationService>();
        services.AddScoped<StandardWorkflowSeeder>();
        return services;
    }

    /// <summary>The timer sweep every 15 seconds; with the persistent store a missed sweep simply runs at start.</summary>
    public static void AddWorkflowJobs(this IQuartzBuilder quartz) =>
        quartz.ScheduleJob<WorkflowTimerSweepJob>(
            trigger => trigger.WithIdentity("workflow-timer-sweep", "workflow").StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(15)).RepeatForever()),
            job => job.WithIdentity(WorkflowTimerSweepJob.Key));
}

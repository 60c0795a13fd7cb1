using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CityMgmt.Infrastructure.Evaluation;

public static class EvaluationRegistration
{
    /// <summary>The evaluation services, "run now", and the catch-up of runs missed while the app was down.</summary>
    public static IServiceCollection AddEvaluation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Cases.StageLimitOptions>().Bind(configuration.GetSection(Cases.StageLimitOptions.Section));
        services.AddScoped<FormulaSetStore>();
        services.AddScoped<EvaluationRunner>();
        services.AddScoped<EvaluationQueries>();
        services.AddScoped<EvaluationTrends>();
        services.AddScoped<EvaluationDrillDown>();
        services.AddScoped<EvaluationReportBuilder>();
        services.AddScoped<EvaluationSchedules>();
        services.AddScoped<DeductionService>();
        services.AddScoped<AssessmentQueries>();
        services.AddSingleton<EvaluationRunNow>();
        services.AddSingleton<EvaluationCatchUp>();
        services.AddHostedService(sp => sp.GetRequiredService<EvaluationCatchUp>());
        return services;
    }

    /// <summary>The evaluation job; its weekly and monthly triggers are created at start when missing (never overwritten).</summary>
    public static void AddEvaluationJobs(this IQuartzBuilder quartz) =>
        quartz.AddJob<EvaluationJob>(job => job.WithIdentity(EvaluationJob.Key).StoreDurably());
}

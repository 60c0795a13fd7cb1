using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Evaluation.Runs;
using Quartz;

namespace CityMgmt.Infrastructure.Evaluation;

/// <summary>
/// The scheduled evaluation: its trigger says which kind (week or month); the run evaluates the last whole period
/// before the fire time. Runs are idempotent per period and formula version, so a repeated fire changes nothing.
/// </summary>
[DisallowConcurrentExecution]
public sealed class EvaluationJob(EvaluationRunner runner) : IJob
{
    public static readonly JobKey Key = new("evaluation-run", "evaluation");
    public const string KindKey = "kind";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var kind = Enum.Parse<PeriodKind>(context.MergedJobDataMap.GetString(KindKey) ?? nameof(PeriodKind.Month));
        var fired = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        await runner.RunAsync(EvaluationPeriod.LastCompleted(kind, fired), RunTrigger.Scheduled, "定时任务", null, cancellationToken);
    }
}

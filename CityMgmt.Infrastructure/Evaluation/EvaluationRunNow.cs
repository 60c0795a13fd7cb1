using CityMgmt.Domain.Common;
using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Evaluation.Runs;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Organisation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityMgmt.Infrastructure.Evaluation;

/// <summary>The state of the "立即评价" run, polled by the page.</summary>
public sealed record RunNowStatus(string PeriodLabel, int Percent, bool Finished, RunOutcome? Outcome, string? Error);

/// <summary>"Run now" (singleton): one manual run at a time, in the background, with progress the page can poll.</summary>
public sealed class EvaluationRunNow(IServiceScopeFactory scopes, ILogger<EvaluationRunNow> logger)
{
    public static readonly Error Busy = new("Evaluation.Busy", "已有评价正在进行，请稍候");
    private readonly Lock gate = new();
    private RunNowStatus? status;

    public RunNowStatus? Current
    {
        get
        {
            lock (gate)
            {
                return status;
            }
        }
    }

    public Task? Running { get; private set; }

    public Result Start(StaffContext actor, EvaluationPeriod period)
    {
        if (!actor.IsInAnyRole(StaffRole.Admin, StaffRole.Leader, StaffRole.ShiftLeader))
        {
            return StaffContext.Forbidden;
        }

        lock (gate)
        {
            if (status is { Finished: false })
            {
                return Busy;
            }

            status = new RunNowStatus(period.Label, 0, false, null, null);
        }

        var progress = new SyncProgress(p => Update(s => s with { Percent = Math.Max(s.Percent, p) }));
        Running = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<EvaluationRunner>()
                    .RunAsync(period, RunTrigger.Manual, actor.DisplayName, progress, CancellationToken.None);
                Update(s => result.IsSuccess
                    ? s with { Percent = 100, Finished = true, Outcome = result.Value }
                    : s with { Finished = true, Error = result.Error.Message });
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Manual evaluation of {Period} failed", period.Label);
                Update(s => s with { Finished = true, Error = "评价失败，请查看系统日志" });
            }
        });
        return Result.Success();
    }

    private void Update(Func<RunNowStatus, RunNowStatus> change)
    {
        lock (gate)
        {
            status = status is null ? null : change(status);
        }
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; posts to the thread pool and may report after the run ended).</summary>
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}

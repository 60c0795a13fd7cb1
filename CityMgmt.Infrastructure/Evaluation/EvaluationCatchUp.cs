using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Evaluation.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CityMgmt.Infrastructure.Evaluation;

/// <summary>
/// At start (after the migrator): makes sure the evaluation triggers exist, then, for each schedule, runs the period
/// of its last fire time before now when it has no run yet — what a fire missed while the app was down would have
/// done. Runs are unique per period and formula version, so this happens once however often the app restarts.
/// </summary>
internal sealed class EvaluationCatchUp(IServiceScopeFactory scopes, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<EvaluationCatchUp> logger) : IHostedService
{
    private Task<IReadOnlyList<RunOutcome>>? work;

    /// <summary>The catch-up started at the last start (done at once before the app has started).</summary>
    public Task<IReadOnlyList<RunOutcome>> Completion => work ?? Task.FromResult<IReadOnlyList<RunOutcome>>([]);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => work = Task.Run(() => CatchUpAsync(lifetime.ApplicationStopping)));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (work is not null)
        {
            await ((Task)work).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Public for tests and "run now" after changing crons: the periods that were run.</summary>
    public async Task<IReadOnlyList<RunOutcome>> CatchUpAsync(CancellationToken ct)
    {
        var done = new List<RunOutcome>();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var schedules = scope.ServiceProvider.GetRequiredService<EvaluationSchedules>();
            var runner = scope.ServiceProvider.GetRequiredService<EvaluationRunner>();
            await schedules.EnsureAsync(ct);
            var now = clock.GetUtcNow();
            foreach (var schedule in await schedules.ListAsync(ct))
            {
                if (EvaluationSchedules.LastFireAtOrBefore(schedule.Cron, now) is { } fire)
                {
                    var result = await runner.RunAsync(EvaluationPeriod.LastCompleted(schedule.Kind, fire), RunTrigger.CatchUp, "启动补跑", null, ct);
                    if (result.IsSuccess && !result.Value.AlreadyExisted)
                    {
                        logger.LogInformation("Caught up the missed {Kind} evaluation of {Period}", schedule.Kind, result.Value.PeriodLabel);
                        done.Add(result.Value);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Evaluation catch-up failed");
        }

        return done;
    }
}

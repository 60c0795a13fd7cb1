using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CityMgmt.Infrastructure.Workflows;

/// <summary>
/// Fires the workflow timers whose due time has passed. Each timer fires in its own transaction that also
/// marks it fired; the instance's version makes a concurrent or repeated firing fail, so a timer fires
/// exactly once — also when it fell due while the app was down (the first sweep after start catches up).
/// </summary>
[DisallowConcurrentExecution]
public sealed class WorkflowTimerSweepJob(TimerSweeper sweeper) : IJob
{
    public static readonly JobKey Key = new("workflow-timer-sweep", "workflow");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sweeper.SweepAsync(cancellationToken);
}

public sealed class TimerSweeper(IDbContextFactory<CityDbContext> factory, WorkflowRuntime runtime, TimeProvider clock, ILogger<TimerSweeper> logger)
{
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<Guid> due;
        await using (var db = factory.CreateDbContext())
        {
            due = await db.WorkflowTimers.Where(t => t.Status == WorkflowTimerStatus.Scheduled && t.DueAt <= now)
                .OrderBy(t => t.DueAt).Select(t => t.Id).Take(500).ToListAsync(ct);
        }

        var fired = 0;
        foreach (var id in due)
        {
            await using var db = factory.CreateDbContext();
            var timer = await db.WorkflowTimers.SingleAsync(t => t.Id == id, ct);
            if (timer.Status != WorkflowTimerStatus.Scheduled)
            {
                continue;
            }

            var result = await runtime.FireAsync(db, timer, now, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                fired += result.IsSuccess ? 1 : 0;
            }
            catch (DbUpdateException ex)
            {
                // Someone completed the task or fired the timer meanwhile: the next sweep sees its new state.
                logger.LogInformation(ex, "Workflow timer {Timer} skipped: the instance changed meanwhile", id);
            }
        }

        return fired;
    }
}

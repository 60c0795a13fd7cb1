using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Audit;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CityMgmt.Infrastructure.Evaluation;

/// <summary>One scheduled evaluation: its kind, cron (China time) and next fire time.</summary>
public sealed record EvaluationSchedule(PeriodKind Kind, string Cron, DateTimeOffset? NextFire)
{
    public string KindName => Kind == PeriodKind.Week ? "周评价" : "月评价";
}

/// <summary>
/// The weekly and monthly cron triggers, kept in Quartz's persistent store (so an administrator's change survives
/// restarts). Missing triggers are created with the defaults; existing ones are never overwritten at start.
/// </summary>
public sealed class EvaluationSchedules(ISchedulerFactory schedulers, IDbContextFactory<CityDbContext> factory, AuditLog audit)
{
    /// <summary>Monday 02:00: the week just ended.</summary>
    public const string DefaultWeekly = "0 0 2 ? * MON";

    /// <summary>The 1st at 03:00: the month just ended.</summary>
    public const string DefaultMonthly = "0 0 3 1 * ?";

    public static readonly Error InvalidCron = new("Evaluation.InvalidCron", "定时表达式无效，例如每周一 2 点为 “0 0 2 ? * MON”");
    public static readonly Error KindNotScheduled = new("Evaluation.KindNotScheduled", "只能设置周评价和月评价的定时");

    public static IReadOnlyList<PeriodKind> Kinds { get; } = [PeriodKind.Week, PeriodKind.Month];

    public static TriggerKey TriggerOf(PeriodKind kind) => new($"evaluation-{kind.ToString().ToLowerInvariant()}", "evaluation");

    public async Task EnsureAsync(CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        if (!await scheduler.Exists(EvaluationJob.Key, ct))
        {
            await scheduler.AddJob(JobBuilder.Create<EvaluationJob>().WithIdentity(EvaluationJob.Key).StoreDurably().Build(), default, ct);
        }

        foreach (var kind in Kinds)
        {
            if (!await scheduler.Exists(TriggerOf(kind), ct))
            {
                // Keep: a trigger an administrator changed (or another node just created) wins over the default.
                await scheduler.ScheduleTrigger(Build(kind, kind == PeriodKind.Week ? DefaultWeekly : DefaultMonthly), TriggerConflict.Keep, ct);
            }
        }
    }

    public async Task<IReadOnlyList<EvaluationSchedule>> ListAsync(CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var list = new List<EvaluationSchedule>();
        foreach (var kind in Kinds)
        {
            if (await scheduler.GetTrigger(TriggerOf(kind), ct) is ICronTrigger trigger)
            {
                list.Add(new EvaluationSchedule(kind, trigger.CronExpressionString ?? string.Empty, trigger.NextFireTimeUtc));
            }
        }

        return list;
    }

    /// <summary>Administrators change a cron; validated, then rescheduled in the store and audited.</summary>
    public async Task<Result> SetAsync(StaffContext actor, PeriodKind kind, string cron, CancellationToken ct = default)
    {
        if (!actor.IsInRole(StaffRole.Admin))
        {
            return StaffContext.Forbidden;
        }

        if (!Kinds.Contains(kind))
        {
            return KindNotScheduled;
        }

        cron = cron?.Trim() ?? string.Empty;
        if (!CronExpression.TryParse(cron, out _))
        {
            return InvalidCron;
        }

        var scheduler = await schedulers.GetScheduler(ct);
        await EnsureAsync(ct);
        await scheduler.RescheduleJob(TriggerOf(kind), Build(kind, cron), ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        audit.Admin(db, actor, "设置评价定时", kind == PeriodKind.Week ? "周评价" : "月评价", cron);
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }

    /// <summary>The last time <paramref name="cron"/> fired at or before <paramref name="now"/> (within the last 400 days).</summary>
    public static DateTimeOffset? LastFireAtOrBefore(string cron, DateTimeOffset now)
    {
        var expression = new CronExpression(cron, WorkingCalendar.ChinaTimeZone);
        DateTimeOffset? last = null;
        var next = expression.GetNextValidTimeAfter(now.AddDays(-400));
        while (next is { } fire && fire <= now)
        {
            last = fire;
            next = expression.GetNextValidTimeAfter(fire);
        }

        return last;
    }

    private static ITrigger Build(PeriodKind kind, string cron) => TriggerBuilder.Create()
        .WithIdentity(TriggerOf(kind))
        .ForJob(EvaluationJob.Key)
        .UsingJobData(EvaluationJob.KindKey, kind.ToString())
        // Missed fires are not replayed by Quartz: EvaluationCatchUp runs the one missed period at start.
        .WithCronSchedule(cron, c => c.InTimeZone(WorkingCalendar.ChinaTimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
        .Build();
}

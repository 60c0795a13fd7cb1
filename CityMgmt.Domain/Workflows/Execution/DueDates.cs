using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Workflows.Model;

namespace CityMgmt.Domain.Workflows.Execution;

/// <summary>Due instants of tasks and timers on the working calendar; all results are UTC.</summary>
internal static class DueDates
{
    public static DateTimeOffset Task(TimeLimit limit, EngineContext context) =>
        context.Calendar.AddTimeLimit(context.Now, limit);

    /// <summary>
    /// A fraction of the task's limit is counted in that limit's own measure: natural time for 紧急, working time
    /// otherwise. So 0.8 of 4 工作时 is 3 h 12 min of working time from the task's opening.
    /// </summary>
    public static DateTimeOffset Timer(TimerDuration duration, TimeLimit? taskLimit, EngineContext context)
    {
        var calendar = context.Calendar;
        switch (duration)
        {
            case FractionOfTaskLimit { Fraction: var fraction } when taskLimit is { } limit:
                var span = new TimeSpan((long)decimal.Round(calendar.LimitLength(limit).Ticks * fraction));
                return limit.Unit == TimeLimitUnit.UrgentHours
                    ? context.Now.ToUniversalTime() + span
                    : calendar.AddWorkingTime(context.Now, span);
            case NaturalDuration natural:
                return context.Now.ToUniversalTime() + natural.Duration;
            case LimitDuration fixedLimit:
                return calendar.AddTimeLimit(context.Now, fixedLimit.Limit);
            default:
                // The validator refuses a fraction on a task without a limit; reaching here is a bug.
                throw new InvalidOperationException("A limit fraction needs a task with a time limit.");
        }
    }
}

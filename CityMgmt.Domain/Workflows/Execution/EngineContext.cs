using CityMgmt.Domain.Calendar;

namespace CityMgmt.Domain.Workflows.Execution;

/// <summary>
/// What a step needs from the outside world, passed in so the engine stays pure and deterministic:
/// the instant, the working calendar deadlines are counted on, and a generator for task and timer ids.
/// </summary>
/// <param name="Now">The instant of the step; tasks open and timers count from here.</param>
/// <param name="Calendar">The working calendar for 工作时/工作日 limits.</param>
/// <param name="NewId">Called once per task or timer opened, in event order.</param>
public sealed record EngineContext(DateTimeOffset Now, WorkingCalendar Calendar, Func<string> NewId)
{
    /// <summary>The case category's 处置时限, used by tasks with <c>cm:limit="category"</c>.</summary>
    public TimeLimit? CategoryLimit { get; init; }

    /// <summary>A context whose ids count up from 1 with a prefix ("t1", "t2" …), for tests and benchmarks.</summary>
    public static EngineContext WithCounter(DateTimeOffset now, WorkingCalendar calendar, string prefix = "t")
    {
        var next = 0;
        return new EngineContext(now, calendar, () => prefix + (++next).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

using CityMgmt.Domain.Calendar;

namespace CityMgmt.Web.Components.Shared;

public enum DeadlineLevel
{
    Green,
    Yellow,
    Red,
}

/// <summary>
/// How far a stage's clock has run (domain.md §2): green below 80 % of the limit, yellow 80–100 %, red beyond.
/// The limit is the time from start to deadline in the unit's measure, so an extended deadline reads correctly.
/// </summary>
public sealed record DeadlineReading(DeadlineLevel Level, double FractionUsed, string Text)
{
    public const double YellowFrom = 0.8;

    /// <param name="stopped">The stage ended at <paramref name="at"/> (the department reported back): say how it finished.</param>
    public static DeadlineReading Evaluate(
        WorkingCalendar calendar, DateTimeOffset start, DateTimeOffset deadline, DateTimeOffset at, TimeLimitUnit unit, bool stopped = false)
    {
        var limit = calendar.Elapsed(start, deadline, unit);
        var used = calendar.Elapsed(start, at, unit);
        var fraction = limit > TimeSpan.Zero ? (double)used.Ticks / limit.Ticks : at > deadline ? 1 : 0;

        // Past the deadline on the wall clock is overdue even when no working time has passed since (evening after an 18:00 deadline).
        var overdue = at > deadline || fraction > 1;
        var level = overdue ? DeadlineLevel.Red : fraction >= YellowFrom ? DeadlineLevel.Yellow : DeadlineLevel.Green;
        var text = (overdue, stopped) switch
        {
            (false, true) => "按期完成",
            (true, true) => $"超期完成（超 {Describe(calendar, calendar.Elapsed(deadline, at, unit), unit)}）",
            (true, false) => "超期 " + Describe(calendar, calendar.Elapsed(deadline, at, unit), unit),
            _ => "剩余 " + Describe(calendar, calendar.Elapsed(at, deadline, unit), unit),
        };
        return new DeadlineReading(level, fraction, text);
    }

    /// <summary>"1小时20分", "2工作日3小时" for working time, "1天2小时" for natural (urgent) time.</summary>
    public static string Describe(WorkingCalendar calendar, TimeSpan span, TimeLimitUnit unit)
    {
        var day = unit == TimeLimitUnit.UrgentHours ? TimeSpan.FromDays(1) : calendar.WorkingDayLength;
        var dayWord = unit == TimeLimitUnit.UrgentHours ? "天" : "工作日";
        if (span >= day)
        {
            var days = span.Ticks / day.Ticks;
            var hours = (int)(span - TimeSpan.FromTicks(days * day.Ticks)).TotalHours;
            return hours > 0 ? $"{days}{dayWord}{hours}小时" : $"{days}{dayWord}";
        }

        var (h, m) = ((int)span.TotalHours, span.Minutes);
        return (h, m) switch
        {
            (0, 0) => "不足1分",
            (0, _) => $"{m}分",
            (_, 0) => $"{h}小时",
            _ => $"{h}小时{m}分",
        };
    }
}

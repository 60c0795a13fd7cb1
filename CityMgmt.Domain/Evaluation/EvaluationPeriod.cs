using System.Globalization;
using System.Text.Json.Serialization;
using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Evaluation;

public enum PeriodKind
{
    Week,
    Month,
    Quarter,
    Year,
    Custom,
}

/// <summary>
/// An evaluation period: whole China-time dates from <see cref="Start"/> to <see cref="End"/> inclusive. Weeks run
/// Monday–Sunday and are numbered as in ISO 8601 / GB/T 7408, so a week across New Year belongs to one year only.
/// </summary>
public sealed record EvaluationPeriod
{
    [JsonConstructor]
    private EvaluationPeriod(PeriodKind kind, DateOnly start, DateOnly end, string label) =>
        (Kind, Start, End, Label) = (kind, start, end, label);

    public PeriodKind Kind { get; }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    /// <summary>"2026年第48周", "2026年11月", "2026年第4季度", "2026年", "2026-11-01至2026-11-15".</summary>
    public string Label { get; }

    [JsonIgnore]
    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>The first instant of the period (00:00 China time on <see cref="Start"/>).</summary>
    [JsonIgnore]
    public DateTimeOffset StartsAt => ChinaMidnight(Start);

    /// <summary>The first instant after the period: query with <c>StartsAt &lt;= t &amp;&amp; t &lt; EndsBefore</c>.</summary>
    [JsonIgnore]
    public DateTimeOffset EndsBefore => ChinaMidnight(End.AddDays(1));

    public static EvaluationPeriod Week(DateOnly anyDay)
    {
        var monday = anyDay.AddDays(-(((int)anyDay.DayOfWeek + 6) % 7));
        var date = monday.ToDateTime(TimeOnly.MinValue);
        return new(PeriodKind.Week, monday, monday.AddDays(6), $"{ISOWeek.GetYear(date)}年第{ISOWeek.GetWeekOfYear(date)}周");
    }

    public static EvaluationPeriod Month(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new(PeriodKind.Month, start, start.AddMonths(1).AddDays(-1), $"{year}年{month}月");
    }

    public static EvaluationPeriod Quarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var start = new DateOnly(year, (quarter * 3) - 2, 1);
        return new(PeriodKind.Quarter, start, start.AddMonths(3).AddDays(-1), $"{year}年第{quarter}季度");
    }

    public static EvaluationPeriod Year(int year) =>
        new(PeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), $"{year}年");

    public static Result<EvaluationPeriod> Custom(DateOnly from, DateOnly to) => from > to
        ? EvaluationErrors.CustomPeriodReversed(from, to)
        : new EvaluationPeriod(PeriodKind.Custom, from, to, $"{from:yyyy-MM-dd}至{to:yyyy-MM-dd}");

    /// <summary>The week, month, quarter or year holding <paramref name="day"/>.</summary>
    public static EvaluationPeriod Containing(PeriodKind kind, DateOnly day) => kind switch
    {
        PeriodKind.Week => Week(day),
        PeriodKind.Month => Month(day.Year, day.Month),
        PeriodKind.Quarter => Quarter(day.Year, ((day.Month - 1) / 3) + 1),
        PeriodKind.Year => Year(day.Year),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A custom period has no natural boundaries."),
    };

    /// <summary>The last whole period of <paramref name="kind"/> before the one holding <paramref name="now"/> (what a scheduled run evaluates).</summary>
    public static EvaluationPeriod LastCompleted(PeriodKind kind, DateTimeOffset now) =>
        Containing(kind, ChinaDate(now)).Previous();

    /// <summary>The calendar date in China at <paramref name="instant"/>.</summary>
    public static DateOnly ChinaDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, WorkingCalendar.ChinaTimeZone).DateTime);

    /// <summary>The period of the same kind just before this one.</summary>
    public EvaluationPeriod Previous() => Kind == PeriodKind.Custom
        ? throw new InvalidOperationException("A custom period has no previous period.")
        : Containing(Kind, Start.AddDays(-1));

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public bool Contains(DateTimeOffset instant) => Contains(ChinaDate(instant));

    public override string ToString() => Label;

    private static DateTimeOffset ChinaMidnight(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, WorkingCalendar.ChinaTimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}

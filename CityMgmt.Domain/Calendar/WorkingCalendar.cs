using System.Collections.Frozen;
using System.Collections.Immutable;
using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Calendar;

/// <summary>
/// The working calendar deadlines are counted on: the working periods of a day, the weekly working days,
/// the year's holidays and 调休 makeup workdays, and the time zone those are expressed in.
/// Immutable and therefore safe to share between threads; build a new one when the schedule changes.
/// </summary>
/// <remarks>
/// Instants are <see cref="DateTimeOffset"/>s of any offset; they are converted to <see cref="TimeZone"/> for
/// the day and period logic, and every instant this type returns is in UTC (offset 0), the form we store.
/// Working time is measured on the local wall clock, which makes no difference in China (no DST).
/// </remarks>
public sealed partial class WorkingCalendar
{
    private readonly long[] _periodStarts;
    private readonly long[] _periodEnds;
    private readonly bool[] _weeklyWorkday;
    private readonly int _workdaysPerWeek;
    private readonly FrozenDictionary<DateOnly, CalendarDayKind> _specialDays;

    // Sorted copy of the special dates, so a range of dates can be adjusted with two binary searches.
    private readonly DateOnly[] _sortedSpecialDates;

    private WorkingCalendar(
        ImmutableArray<WorkingPeriod> periods,
        bool[] weeklyWorkday,
        FrozenDictionary<DateOnly, CalendarDayKind> specialDays,
        TimeZoneInfo zone)
    {
        Periods = periods;
        _periodStarts = [.. periods.Select(p => p.Start.Ticks)];
        _periodEnds = [.. periods.Select(p => p.End.Ticks)];
        _weeklyWorkday = weeklyWorkday;
        _workdaysPerWeek = weeklyWorkday.Count(w => w);
        WeeklyWorkdays = [.. Enum.GetValues<DayOfWeek>().Where(d => weeklyWorkday[(int)d])];
        _specialDays = specialDays;
        _sortedSpecialDates = [.. specialDays.Keys.Order()];
        TimeZone = zone;
        WorkingDayLength = new TimeSpan(periods.Sum(p => p.End.Ticks - p.Start.Ticks));
    }

    /// <summary>China Standard Time (UTC+8, no DST): the IANA zone when the system has it, else a fixed zone.</summary>
    public static TimeZoneInfo ChinaTimeZone { get; } = FindChinaTimeZone();

    /// <summary>08:00–12:00 and 14:00–18:00, Monday to Friday, China time, no special days.</summary>
    /// <remarks>Declared after <see cref="ChinaTimeZone"/> on purpose: static initialisers run in text order.</remarks>
    public static WorkingCalendar Default { get; } = WithDefaults([]).Value;

    /// <summary>The working periods of a working day, sorted by start.</summary>
    public ImmutableArray<WorkingPeriod> Periods { get; }

    /// <summary>Total length of the working periods: the working time one 工作日 is worth.</summary>
    public TimeSpan WorkingDayLength { get; }

    public TimeZoneInfo TimeZone { get; }

    public IReadOnlyDictionary<DateOnly, CalendarDayKind> SpecialDays => _specialDays;

    /// <summary>The days worked in an ordinary week, Sunday first as in <see cref="DayOfWeek"/>.</summary>
    public ImmutableArray<DayOfWeek> WeeklyWorkdays { get; }

    public static Result<WorkingCalendar> Create(
        IEnumerable<WorkingPeriod> periods,
        IEnumerable<DayOfWeek> workdays,
        IEnumerable<CalendarDay> specialDays,
        TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(workdays);
        ArgumentNullException.ThrowIfNull(specialDays);

        var sorted = periods.OrderBy(p => p.Start).ToImmutableArray();
        if (sorted.IsEmpty)
        {
            return CalendarErrors.NoPeriods;
        }

        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i].Start >= sorted[i].End)
            {
                return CalendarErrors.PeriodNotIncreasing(sorted[i]);
            }

            // Touching periods (12:00–14:00 after 08:00–12:00) are fine; only real overlap is refused.
            if (i > 0 && sorted[i].Start < sorted[i - 1].End)
            {
                return CalendarErrors.PeriodsOverlap(sorted[i - 1], sorted[i]);
            }
        }

        var weekly = new bool[7];
        foreach (var day in workdays)
        {
            if (!Enum.IsDefined(day))
            {
                return CalendarErrors.InvalidWeekday;
            }

            weekly[(int)day] = true;
        }

        if (!weekly.Contains(true))
        {
            return CalendarErrors.NoWorkdays;
        }

        var special = new Dictionary<DateOnly, CalendarDayKind>();
        foreach (var day in specialDays)
        {
            ArgumentNullException.ThrowIfNull(day, nameof(specialDays));
            if (!special.TryAdd(day.Date, day.Kind))
            {
                return CalendarErrors.DuplicateDate(day.Date);
            }
        }

        return new WorkingCalendar(sorted, weekly, special.ToFrozenDictionary(), zone ?? ChinaTimeZone);
    }

    /// <summary>The local default (08:00–12:00, 14:00–18:00, Monday–Friday, China time) with this year's schedule.</summary>
    public static Result<WorkingCalendar> WithDefaults(IEnumerable<CalendarDay> specialDays) => Create(
        [new(new TimeOnly(8, 0), new TimeOnly(12, 0)), new(new TimeOnly(14, 0), new TimeOnly(18, 0))],
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        specialDays);

    /// <summary>True when the date is worked: a makeup workday, or a weekly working day that is not a holiday.</summary>
    public bool IsWorkingDay(DateOnly date) => _specialDays.TryGetValue(date, out var kind)
        ? kind == CalendarDayKind.MakeupWorkday
        : _weeklyWorkday[(int)date.DayOfWeek];

    /// <summary>True when the instant lies inside a working period of a working day (start inclusive, end exclusive).</summary>
    public bool IsWorkingTime(DateTimeOffset instant)
    {
        var (date, time) = ToLocal(instant);
        if (!IsWorkingDay(date))
        {
            return false;
        }

        for (var i = 0; i < _periodStarts.Length; i++)
        {
            if (time >= _periodStarts[i] && time < _periodEnds[i])
            {
                return true;
            }
        }

        return false;
    }

    private static TimeZoneInfo FindChinaTimeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Containers without tzdata (and old Windows without ICU) lack the IANA id; China has no DST, so a fixed offset is exact.
            return TimeZoneInfo.CreateCustomTimeZone("China Standard Time (UTC+8)", TimeSpan.FromHours(8), "中国标准时间", "中国标准时间");
        }
    }
}

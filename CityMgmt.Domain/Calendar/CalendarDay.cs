using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Calendar;

/// <summary>A date of the yearly schedule that departs from the weekly pattern: a holiday or a 调休 workday.</summary>
public sealed class CalendarDay : Entity
{
    public const int NameMaxLength = 50;

    private CalendarDay()
    {
    }

    public DateOnly Date { get; private set; }

    public CalendarDayKind Kind { get; private set; }

    /// <summary>The occasion, e.g. "国庆节"; a makeup day carries the name of the holiday it makes up for.</summary>
    public string Name { get; private set; } = string.Empty;

    public static Result<CalendarDay> Create(DateOnly date, CalendarDayKind kind, string name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return CalendarErrors.NameRequired;
        }

        if (trimmed.Length > NameMaxLength)
        {
            return CalendarErrors.NameTooLong;
        }

        if (!Enum.IsDefined(kind))
        {
            return CalendarErrors.UnknownDayKind;
        }

        // Official schedules list holidays that fall on weekends too, so only makeup days are restricted.
        if (kind == CalendarDayKind.MakeupWorkday && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            return CalendarErrors.MakeupNotOnWeekend(date);
        }

        return new CalendarDay { Date = date, Kind = kind, Name = trimmed };
    }
}

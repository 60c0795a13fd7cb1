using System.Globalization;
using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Calendar;

/// <summary>
/// A 处置时限 such as "4 工作时". Build it with <see cref="Create"/> or <see cref="Parse"/>; the positional
/// constructor does not validate, and the calendar refuses non-positive limits as a bug.
/// </summary>
public readonly record struct TimeLimit(decimal Value, TimeLimitUnit Unit)
{
    // Beyond these a value is a typing error, not a real deadline: a year of natural hours,
    // a year of working hours (250 × 8), a year of working days.
    public const decimal MaxUrgentHours = 8760m;
    public const decimal MaxWorkingHours = 2000m;
    public const decimal MaxWorkingDays = 250m;

    private const string UrgentSuffix = "小时(紧急)";
    private const string WorkingHoursSuffix = "工作时";
    private const string WorkingDaysSuffix = "工作日";

    public static Result<TimeLimit> Create(decimal value, TimeLimitUnit unit)
    {
        if (!Enum.IsDefined(unit))
        {
            return CalendarErrors.UnknownUnit;
        }

        if (value <= 0)
        {
            return CalendarErrors.LimitNotPositive;
        }

        if (decimal.Round(value, 2) != value)
        {
            return CalendarErrors.LimitTooPrecise;
        }

        var max = MaxFor(unit);
        return value > max ? CalendarErrors.LimitTooLarge(new TimeLimit(max, unit)) : new TimeLimit(value, unit);
    }

    /// <summary>Reads what <see cref="ToString"/> writes; also tolerates missing spaces and full-width brackets.</summary>
    public static Result<TimeLimit> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return CalendarErrors.LimitRequired;
        }

        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c))).Replace('（', '(').Replace('）', ')');
        (string Suffix, TimeLimitUnit Unit)[] forms =
        [
            (UrgentSuffix, TimeLimitUnit.UrgentHours),
            (WorkingHoursSuffix, TimeLimitUnit.WorkingHours),
            (WorkingDaysSuffix, TimeLimitUnit.WorkingDays),
        ];
        foreach (var (suffix, unit) in forms)
        {
            if (compact.EndsWith(suffix, StringComparison.Ordinal)
                && decimal.TryParse(compact[..^suffix.Length], NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return Create(value, unit);
            }
        }

        return CalendarErrors.LimitUnreadable(text.Trim());
    }

    public override string ToString()
    {
        var number = Value.ToString("0.##", CultureInfo.InvariantCulture);
        return Unit switch
        {
            TimeLimitUnit.UrgentHours => $"{number} {UrgentSuffix}",
            TimeLimitUnit.WorkingHours => $"{number} {WorkingHoursSuffix}",
            TimeLimitUnit.WorkingDays => $"{number} {WorkingDaysSuffix}",
            _ => $"{number} ({Unit})",
        };
    }

    private static decimal MaxFor(TimeLimitUnit unit) => unit switch
    {
        TimeLimitUnit.UrgentHours => MaxUrgentHours,
        TimeLimitUnit.WorkingHours => MaxWorkingHours,
        _ => MaxWorkingDays,
    };
}

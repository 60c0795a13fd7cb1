using System.Globalization;
using System.Text.RegularExpressions;
using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Workflows.Model;

/// <summary>When a timer boundary event fires, counted from the moment its task opens.</summary>
public abstract record TimerDuration
{
    public const decimal MaxFraction = 10m;

    /// <summary>Reads <c>cm:limitFraction</c>: a decimal in (0, 10].</summary>
    public static Result<TimerDuration> ParseFraction(string? text)
    {
        if (!decimal.TryParse(text?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fraction))
        {
            return WorkflowErrors.FractionUnreadable(text ?? string.Empty);
        }

        return fraction is > 0 and <= MaxFraction ? new FractionOfTaskLimit(fraction) : WorkflowErrors.FractionOutOfRange(fraction);
    }

    /// <summary>Reads a <c>timeDuration</c>: an ISO-8601 duration (natural time) or a machine time limit (<c>2 WorkingHours</c>).</summary>
    public static Result<TimerDuration> ParseDuration(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.StartsWith('P'))
        {
            var natural = IsoDuration.Parse(trimmed);
            return natural.IsSuccess ? new NaturalDuration(natural.Value) : natural.Error;
        }

        var limit = TaskLimit.ParseMachineLimit(trimmed);
        return limit.IsSuccess ? new LimitDuration(limit.Value) : WorkflowErrors.DurationUnreadable(trimmed);
    }
}

/// <summary>A share of the attached task's time limit, counted in that limit's unit (0.8 = warn, 1.0 = overdue).</summary>
public sealed record FractionOfTaskLimit(decimal Fraction) : TimerDuration;

/// <summary>Natural time, nights and holidays included (ISO-8601 such as <c>PT2H</c>).</summary>
public sealed record NaturalDuration(TimeSpan Duration) : TimerDuration;

/// <summary>A limit counted on the working calendar, such as <c>2 WorkingHours</c>.</summary>
public sealed record LimitDuration(TimeLimit Limit) : TimerDuration;

/// <summary>ISO-8601 durations in days, hours, minutes and seconds; years and months have no fixed length and are refused.</summary>
internal static partial class IsoDuration
{
    public static Result<TimeSpan> Parse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success || text == "P" || text.EndsWith('T'))
        {
            return WorkflowErrors.DurationUnreadable(text);
        }

        double Part(string name) => match.Groups[name].Success
            ? double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture)
            : 0;

        var span = TimeSpan.FromDays(Part("d")) + TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("m")) + TimeSpan.FromSeconds(Part("s"));
        return span > TimeSpan.Zero && span <= TimeSpan.FromHours((double)TimeLimit.MaxUrgentHours)
            ? span
            : WorkflowErrors.DurationOutOfRange(text);
    }

    [GeneratedRegex(@"^P(?:(?<d>\d+(?:\.\d+)?)D)?(?:T(?:(?<h>\d+(?:\.\d+)?)H)?(?:(?<m>\d+(?:\.\d+)?)M)?(?:(?<s>\d+(?:\.\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

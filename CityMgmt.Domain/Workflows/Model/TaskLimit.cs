using System.Globalization;
using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Workflows.Model;

/// <summary>
/// A user task's <c>cm:limit</c>: either the case category's 处置时限 (<c>category</c>) or a fixed limit in
/// machine form <c>&lt;value&gt; &lt;Unit&gt;</c>, e.g. <c>0.5 WorkingHours</c>.
/// </summary>
public sealed record TaskLimit
{
    public const string CategoryKeyword = "category";

    private TaskLimit(TimeLimit? fixedLimit) => Fixed = fixedLimit;

    public static TaskLimit Category { get; } = new((TimeLimit?)null);

    /// <summary>The fixed limit, or null when the category's limit applies.</summary>
    public TimeLimit? Fixed { get; }

    public bool UsesCategory => Fixed is null;

    public static TaskLimit Of(TimeLimit limit) => new(limit);

    public static Result<TaskLimit> Parse(string? text)
    {
        var trimmed = text?.Trim();
        if (string.Equals(trimmed, CategoryKeyword, StringComparison.Ordinal))
        {
            return Category;
        }

        var limit = ParseMachineLimit(trimmed);
        return limit.IsSuccess ? Of(limit.Value) : limit.Error;
    }

    /// <summary>Reads <c>&lt;value&gt; &lt;Unit&gt;</c> with an invariant decimal and a <see cref="TimeLimitUnit"/> name.</summary>
    public static Result<TimeLimit> ParseMachineLimit(string? text)
    {
        var parts = (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2
            || !decimal.TryParse(parts[0], NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || !Enum.TryParse<TimeLimitUnit>(parts[1], ignoreCase: false, out var unit)
            || !Enum.IsDefined(unit)
            || !char.IsAsciiLetter(parts[1][0]))
        {
            return WorkflowErrors.LimitUnreadable(text ?? string.Empty);
        }

        return TimeLimit.Create(value, unit);
    }

    /// <summary>The machine form of a limit, as written in <c>cm:limit</c>.</summary>
    public static string FormatMachineLimit(TimeLimit limit) =>
        $"{limit.Value.ToString("0.##", CultureInfo.InvariantCulture)} {limit.Unit}";

    public override string ToString() => Fixed is { } limit ? FormatMachineLimit(limit) : CategoryKeyword;
}

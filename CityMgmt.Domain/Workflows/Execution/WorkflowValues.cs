using System.Collections.Immutable;

namespace CityMgmt.Domain.Workflows.Execution;

/// <summary>
/// Instance variables hold only null, strings, booleans and decimals, so they survive a JSON round trip
/// unchanged and compare predictably in conditions. Enums become their names; other numbers become decimals.
/// </summary>
public static class WorkflowValues
{
    public static object? Normalise(object? value) => value switch
    {
        null => null,
        string or bool or decimal => value,
        Enum e => e.ToString(),
        int or long or short or byte or sbyte or ushort or uint or ulong or float or double => Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"Workflow variables hold strings, booleans and numbers; got {value.GetType().Name}.", nameof(value)),
    };

    internal static ImmutableSortedDictionary<string, object?> From(IEnumerable<KeyValuePair<string, object?>>? values)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in values ?? [])
        {
            builder[key] = Normalise(value);
        }

        return builder.ToImmutable();
    }
}

using System.Collections.Immutable;

namespace CityMgmt.Domain.Workflows.Model;

/// <summary>Reading and writing <c>cm:outcomes</c>: labels separated by commas, full-width ones included.</summary>
public static class OutcomeLabels
{
    public const int MaxLength = 20;

    private static readonly char[] Separators = [',', '，', '、'];

    public static ImmutableArray<string> Split(string? text) => text is null
        ? []
        : [.. text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static string Join(IEnumerable<string> outcomes) => string.Join(',', outcomes);

    /// <summary>How the offered outcomes read in a message: "通过、回退".</summary>
    public static string Describe(IEnumerable<string> outcomes) => string.Join('、', outcomes);
}

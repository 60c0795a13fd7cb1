using CityMgmt.Domain.Common;
using CityMgmt.Domain.Divisions;

namespace CityMgmt.Domain.Grids;

/// <summary>
/// Unit grid code (GB/T 30428.2): 6-digit county (GB/T 2260) + 3-digit street/town + 3-digit
/// community + 3-digit sequence, 15 digits in all.
/// </summary>
public readonly record struct GridCode
{
    public const int Length = 15;

    private GridCode(string value) => Value = value;

    public string Value { get; }

    public string CountyCode => Value[..6];

    public string StreetCode => Value[..9];

    public string CommunityCode => Value[..12];

    public int Sequence => int.Parse(Value.AsSpan(12, 3));

    public static Result<GridCode> Parse(string? value)
    {
        value = value?.Trim() ?? string.Empty;
        if (value.Length != Length || !DivisionCodes.IsAllDigits(value))
        {
            return GridErrors.CodeShape(value);
        }

        var county = DivisionCodes.ValidateCounty(value[..6], "单元网格编码");
        if (county.IsFailure)
        {
            return county.Error;
        }

        if (value[6..9] == "000" || value[9..12] == "000")
        {
            return GridErrors.ZeroDivision(value);
        }

        return value[12..] == "000" ? GridErrors.ZeroSequence(value) : new GridCode(value);
    }

    /// <summary>The code of the <paramref name="sequence"/>th grid of a community (12-digit code).</summary>
    public static Result<GridCode> Create(string communityCode, int sequence) =>
        sequence is < 1 or > 999
            ? GridErrors.SequenceRange(sequence)
            : Parse($"{communityCode}{sequence:D3}");

    public override string ToString() => Value ?? string.Empty;
}

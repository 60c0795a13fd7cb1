using System.Globalization;
using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Cases;

/// <summary>案件编号: the China-time date of the report and a per-day sequence, e.g. 20261128-00012.</summary>
public readonly record struct CaseNumber
{
    public const int Length = 14;

    private CaseNumber(string value) => Value = value;

    public string Value { get; }

    public DateOnly Date => DateOnly.ParseExact(Value.AsSpan(0, 8), "yyyyMMdd", CultureInfo.InvariantCulture);

    public int Sequence => int.Parse(Value.AsSpan(9));

    public static Result<CaseNumber> Create(DateOnly date, int sequence) =>
        sequence is < 1 or > 99_999
            ? CaseErrors.NumberSequence(sequence)
            : new CaseNumber($"{date:yyyyMMdd}-{sequence:D5}");

    public static Result<CaseNumber> Parse(string? value)
    {
        value = value?.Trim() ?? string.Empty;
        if (value.Length != Length || value[8] != '-'
            || !DateOnly.TryParseExact(value.AsSpan(0, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            || !value[9..].All(char.IsAsciiDigit) || value[9..] == "00000")
        {
            return CaseErrors.NumberShape(value);
        }

        return new CaseNumber(value);
    }

    public override string ToString() => Value ?? string.Empty;
}

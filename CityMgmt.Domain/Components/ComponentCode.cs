using CityMgmt.Domain.Common;
using CityMgmt.Domain.Divisions;

namespace CityMgmt.Domain.Components;

/// <summary>Which component identifier the site uses; configured once per deployment.</summary>
public enum ComponentCodeScheme
{
    /// <summary>GB/T 30428.2: 6 division + 2 major + 2 minor + 6 sequence = 16 digits.</summary>
    Standard16 = 16,

    /// <summary>GB/T 47678 (2026): 6 division + 2 major + 3 minor + 6 sequence = 17 digits.</summary>
    Gbt47678 = 17,
}

/// <summary>部件标识码, e.g. 3205080101000001 (a 上水井盖).</summary>
public readonly record struct ComponentCode
{
    private ComponentCode(string value, ComponentCodeScheme scheme) => (Value, Scheme) = (value, scheme);

    public string Value { get; }

    public ComponentCodeScheme Scheme { get; }

    public string CountyCode => Value[..6];

    public string MajorClass => Value[6..8];

    /// <summary>The minor class as written in the code (2 or 3 digits by scheme).</summary>
    public string MinorClass => Scheme == ComponentCodeScheme.Standard16 ? Value[8..10] : Value[8..11];

    public int Sequence => int.Parse(Value.AsSpan(Value.Length - 6));

    public static Result<ComponentCode> Parse(string? value, ComponentCodeScheme scheme)
    {
        value = value?.Trim() ?? string.Empty;
        var length = (int)scheme;
        if (value.Length != length || !DivisionCodes.IsAllDigits(value))
        {
            return ComponentErrors.CodeShape(value, length);
        }

        var county = DivisionCodes.ValidateCounty(value[..6], "部件标识码");
        if (county.IsFailure)
        {
            return county.Error;
        }

        var code = new ComponentCode(value, scheme);
        if (code.MajorClass == "00" || code.MinorClass.All(c => c == '0'))
        {
            return ComponentErrors.ZeroClass(value);
        }

        return code.Sequence == 0 ? ComponentErrors.ZeroSequence(value) : code;
    }

    public static Result<ComponentCode> Create(string countyCode, string major, string minor, int sequence, ComponentCodeScheme scheme)
    {
        if (sequence is < 1 or > 999_999)
        {
            return ComponentErrors.SequenceRange(sequence);
        }

        var minorWidth = scheme == ComponentCodeScheme.Standard16 ? 2 : 3;
        minor = minor.TrimStart('0').PadLeft(minorWidth, '0');
        return minor.Length > minorWidth
            ? ComponentErrors.MinorTooLong(minor, scheme)
            : Parse($"{countyCode}{major}{minor}{sequence:D6}", scheme);
    }

    /// <summary>Whether this code belongs to the given class (minor compared numerically across schemes).</summary>
    public bool IsOfClass(string major, string minor) =>
        MajorClass == major && int.Parse(MinorClass) == int.Parse(minor);

    public override string ToString() => Value ?? string.Empty;
}

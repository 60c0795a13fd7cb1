using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Divisions;

/// <summary>Rules of GB/T 2260 based codes shared by divisions, grids and components.</summary>
public static class DivisionCodes
{
    // GB/T 2260 province-level prefixes.
    private static readonly HashSet<int> Provinces =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
        41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
    ];

    public static bool IsAllDigits(string value) => value.Length > 0 && value.All(char.IsAsciiDigit);

    /// <summary>Whether a 6-digit county code is shaped like GB/T 2260 (known province, non-zero county part).</summary>
    public static Result ValidateCounty(string code, string what)
    {
        if (code.Length != 6 || !IsAllDigits(code))
        {
            return DivisionErrors.CountyCodeShape(what);
        }

        if (!Provinces.Contains(int.Parse(code.AsSpan(0, 2))))
        {
            return DivisionErrors.UnknownProvince(what, code[..2]);
        }

        return code[4..6] == "00" ? DivisionErrors.CountyCodeShape(what) : Result.Success();
    }

    public static Result Validate(string code, DivisionLevel level, string? parentCode)
    {
        var length = level.CodeLength();
        if (code.Length != length || !IsAllDigits(code))
        {
            return DivisionErrors.CodeLength(level, code.Length);
        }

        var county = ValidateCounty(code[..6], "行政区划代码");
        if (county.IsFailure)
        {
            return county;
        }

        if (level != DivisionLevel.County && code[^3..] == "000")
        {
            return DivisionErrors.ZeroSegment(level);
        }

        if (parentCode is not null && !code.StartsWith(parentCode, StringComparison.Ordinal))
        {
            return DivisionErrors.NotUnderParent(code, parentCode);
        }

        return Result.Success();
    }
}

public static class DivisionErrors
{
    public static readonly Error InvalidName = new("Division.InvalidName", "区划名称不能为空且不超过50个字");
    public static readonly Error WrongParent = new("Division.WrongParent", "上级区划不正确：县下设街道(乡镇)，街道(乡镇)下设社区(村)");

    public static Error CodeLength(DivisionLevel level, int actual) =>
        new("Division.CodeLength", $"{level.DisplayName()}代码必须是{level.CodeLength()}位数字（实际{actual}位或含非数字字符）");

    public static Error CountyCodeShape(string what) =>
        new("Division.CountyCode", $"{what}的前6位必须是有效的县级行政区划代码(GB/T 2260)");

    public static Error UnknownProvince(string what, string prefix) =>
        new("Division.UnknownProvince", $"{what}的省级代码“{prefix}”不存在(GB/T 2260)");

    public static Error ZeroSegment(DivisionLevel level) =>
        new("Division.ZeroSegment", $"{level.DisplayName()}代码的末3位不能为000");

    public static Error NotUnderParent(string code, string parent) =>
        new("Division.NotUnderParent", $"代码{code}不属于上级区划{parent}");
}

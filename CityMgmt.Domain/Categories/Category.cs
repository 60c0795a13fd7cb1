using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Categories;

/// <summary>
/// A class of the component/event code lists: a major class (大类) or a minor class (小类).
/// Minor classes carry the filing/closing conditions and the disposal time limit.
/// </summary>
public sealed class Category : AggregateRoot
{
    public const int NameMaxLength = 30;
    public const int ConditionMaxLength = 500;

    private Category()
    {
    }

    public CategoryKind Kind { get; private set; }

    public string MajorCode { get; private set; } = string.Empty;

    /// <summary>Null for a major class.</summary>
    public string? MinorCode { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public Guid? ParentId { get; private set; }

    /// <summary>Added locally by an administrator (扩展部件/扩展事件), not from the standard.</summary>
    public bool IsExtension { get; private set; }

    public bool IsActive { get; private set; } = true;

    /// <summary>立案条件.</summary>
    public string? FilingCondition { get; private set; }

    /// <summary>结案条件.</summary>
    public string? ClosingCondition { get; private set; }

    private decimal? LimitValue { get; set; }

    private TimeLimitUnit? LimitUnit { get; set; }

    /// <summary>处置时限.</summary>
    public TimeLimit? DisposalLimit => LimitValue is { } v && LimitUnit is { } u ? new TimeLimit(v, u) : null;

    public Guid? DefaultDepartmentId { get; private set; }

    public PositionAccuracy? Accuracy { get; private set; }

    public bool IsMinor => MinorCode is not null;

    /// <summary>"01" for a major class, "0102" for a minor class.</summary>
    public string FullCode => MajorCode + MinorCode;

    public static Result<Category> CreateMajor(CategoryKind kind, string code, string name, bool isExtension = false)
    {
        code = code?.Trim() ?? string.Empty;
        if (code.Length != 2 || !code.All(char.IsAsciiDigit) || code == "00")
        {
            return CategoryErrors.MajorCode(code);
        }

        var nameCheck = CheckName(name);
        return nameCheck.IsFailure
            ? nameCheck.Error
            : new Category { Kind = kind, MajorCode = code, Name = name.Trim(), IsExtension = isExtension };
    }

    public static Result<Category> CreateMinor(Category major, string code, string name, MinorClassRules rules, bool isExtension = false)
    {
        code = code?.Trim() ?? string.Empty;
        if (major.IsMinor)
        {
            return CategoryErrors.ParentNotMajor;
        }

        if (code.Length is < 2 or > 3 || !code.All(char.IsAsciiDigit) || code.All(c => c == '0'))
        {
            return CategoryErrors.MinorCode(code);
        }

        var nameCheck = CheckName(name);
        if (nameCheck.IsFailure)
        {
            return nameCheck.Error;
        }

        var category = new Category
        {
            Kind = major.Kind,
            MajorCode = major.MajorCode,
            MinorCode = code,
            Name = name.Trim(),
            ParentId = major.Id,
            IsExtension = isExtension,
        };
        var applied = category.ApplyRules(rules);
        return applied.IsFailure ? applied.Error : category;
    }

    /// <summary>Sets 立案条件, 结案条件, 处置时限, default department and accuracy of a minor class.</summary>
    public Result ApplyRules(MinorClassRules rules)
    {
        if (!IsMinor)
        {
            return CategoryErrors.NotAMinor;
        }

        if ((rules.FilingCondition?.Length ?? 0) > ConditionMaxLength || (rules.ClosingCondition?.Length ?? 0) > ConditionMaxLength)
        {
            return CategoryErrors.ConditionTooLong;
        }

        if (rules.DisposalLimit is not { } limit)
        {
            return CategoryErrors.MinorNeedsLimit;
        }

        var limitCheck = TimeLimit.Create(limit.Value, limit.Unit);
        if (limitCheck.IsFailure)
        {
            return limitCheck.Error;
        }

        FilingCondition = Clean(rules.FilingCondition);
        ClosingCondition = Clean(rules.ClosingCondition);
        (LimitValue, LimitUnit) = (limit.Value, limit.Unit);
        DefaultDepartmentId = rules.DefaultDepartmentId;
        Accuracy = Kind == CategoryKind.Component ? rules.Accuracy ?? Accuracy : null;
        return Result.Success();
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    private static Result CheckName(string name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength ? CategoryErrors.InvalidName : Result.Success();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The editable rules of a minor class.</summary>
public sealed record MinorClassRules(
    string? FilingCondition,
    string? ClosingCondition,
    TimeLimit? DisposalLimit,
    Guid? DefaultDepartmentId = null,
    PositionAccuracy? Accuracy = null);

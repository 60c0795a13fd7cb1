using System.Text.RegularExpressions;
using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Evaluation;

/// <summary>
/// Checks a formula set before it is saved: names, weights summing to 100 %, contiguous bands, and NCalc formulas
/// (syntax, allowed functions, only known counts and indicators). Every problem is reported, in Chinese.
/// </summary>
public static partial class FormulaSetValidator
{
    public const int KeyMaxLength = 50;
    public const int NameMaxLength = 20;

    private static readonly string[] Reserved = ["and", "or", "not", "true", "false", "in", "ifs", "null"];

    public static IReadOnlyList<Error> Validate(FormulaSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(set.Name) || set.Name.Trim().Length > FormulaSet.NameMaxLength)
        {
            errors.Add(EvaluationErrors.SetNameRequired);
        }

        if (set.Version < 1)
        {
            errors.Add(EvaluationErrors.SetVersionInvalid);
        }

        if (!Enum.IsDefined(set.EmptyPolicy))
        {
            errors.Add(EvaluationErrors.UnknownEmptyPolicy);
        }

        if (set.Objects is null || set.Objects.Count == 0)
        {
            errors.Add(EvaluationErrors.NoObjectTypes);
            return errors;
        }

        var seen = new HashSet<EvaluationObjectType>();
        foreach (var formula in set.Objects)
        {
            if (formula is null)
            {
                errors.Add(EvaluationErrors.ObjectFormulaMissing);
            }
            else if (!Enum.IsDefined(formula.ObjectType))
            {
                errors.Add(EvaluationErrors.UnknownObjectType);
            }
            else if (!seen.Add(formula.ObjectType))
            {
                errors.Add(EvaluationErrors.DuplicateObjectType(formula.ObjectType));
            }
            else
            {
                ValidateObject(formula, errors);
            }
        }

        return errors;
    }

    internal static string Subject(EvaluationObjectType type, IndicatorDefinition indicator) =>
        $"“{type.DisplayName()}”指标“{indicator.Name}”";

    internal static bool IsCount(string name) => CountKeys.TryResolve(name, out _);

    internal static Func<string, bool> CompositeScope(IReadOnlyList<IndicatorDefinition> indicators) =>
        name => IsCount(name) || indicators.Any(i => i.Key == name || i.Name == name);

    internal static Result<NCalcFormula> ParseCountFormula(string? text, string subject) =>
        NCalcFormula.Parse(text, subject, IsCount, "统计数");

    internal static Result<NCalcFormula> ParseComposite(ObjectFormula formula) =>
        NCalcFormula.Parse(formula.CompositeFormula, $"“{formula.ObjectType.DisplayName()}”的综合指标公式", CompositeScope(formula.Indicators), "本类对象的指标和统计数");

    private static void ValidateObject(ObjectFormula formula, List<Error> errors)
    {
        var type = formula.ObjectType;
        if (formula.Indicators is null || formula.Indicators.Count == 0)
        {
            errors.Add(EvaluationErrors.NoIndicators(type));
            return;
        }

        if (formula.Indicators.Any(i => i is null))
        {
            errors.Add(EvaluationErrors.IndicatorMissing(type));
            return;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var weightsValid = true;
        foreach (var indicator in formula.Indicators)
        {
            CheckIdentity(type, indicator, keys, names, errors);
            if (indicator.Weight is < 0 or > 100)
            {
                errors.Add(EvaluationErrors.WeightOutOfRange(Subject(type, indicator), indicator.Weight));
                weightsValid = false;
            }

            errors.AddRange(IndicatorChecks.Check(type, indicator));
        }

        var sum = formula.Indicators.Sum(i => i.Weight);
        if (weightsValid && sum != 100)
        {
            errors.Add(EvaluationErrors.WeightsNotHundred(type, sum));
        }

        if (!string.IsNullOrWhiteSpace(formula.CompositeFormula) && ParseComposite(formula) is { IsFailure: true } composite)
        {
            errors.Add(composite.Error);
        }

        if (formula.MinimumSample is { } minimum)
        {
            if (!Enum.IsDefined(minimum.Count))
            {
                errors.Add(EvaluationErrors.UnknownCount($"“{type.DisplayName()}”的最小样本"));
            }

            if (minimum.Minimum < 0)
            {
                errors.Add(EvaluationErrors.MinimumSampleNegative(type));
            }
        }

        if (formula.PeerGroups?.Values.Any(g => string.IsNullOrWhiteSpace(g) || g.Trim().Length > NameMaxLength) == true)
        {
            errors.Add(EvaluationErrors.PeerGroupNameInvalid(type));
        }
    }

    private static void CheckIdentity(EvaluationObjectType type, IndicatorDefinition indicator, HashSet<string> keys, HashSet<string> names, List<Error> errors)
    {
        var key = indicator.Key;
        if (key is null || key.Length > KeyMaxLength || !KeyPattern().IsMatch(key))
        {
            errors.Add(EvaluationErrors.IndicatorKeyInvalid(type, key));
        }
        else if (IsReserved(key))
        {
            errors.Add(EvaluationErrors.IndicatorKeyReserved(type, key));
        }
        else if (!keys.Add(key))
        {
            errors.Add(EvaluationErrors.DuplicateIndicatorKey(type, key));
        }

        var name = indicator.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > NameMaxLength || name.IndexOfAny(['[', ']']) >= 0 || name != indicator.Name)
        {
            errors.Add(EvaluationErrors.IndicatorNameInvalid(type, indicator.Name));
        }
        else if (!names.Add(name))
        {
            errors.Add(EvaluationErrors.DuplicateIndicatorName(type, name));
        }
    }

    private static bool IsReserved(string key) =>
        Reserved.Contains(key, StringComparer.OrdinalIgnoreCase)
        || NCalcFormula.Functions.Contains(key, StringComparer.OrdinalIgnoreCase)
        || CountKeys.All.Any(k => string.Equals(k.ToString(), key, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex KeyPattern();
}

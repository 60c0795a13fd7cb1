using System.Globalization;
using System.Text.RegularExpressions;
using CityMgmt.Domain.Common;
using NCalc;
using NCalc.Exceptions;

namespace CityMgmt.Domain.Evaluation;

/// <summary>
/// A validated NCalc formula. Values are decimals (exact for hand-checked results); a division by zero, an overflow or
/// a result that is not a finite number gives no value ("—") instead of an exception.
/// </summary>
internal sealed partial class NCalcFormula
{
    /// <summary>The functions administrators may use; anything else is refused on save.</summary>
    public static readonly IReadOnlyList<string> Functions = ["Abs", "Ceiling", "Floor", "Max", "Min", "Pow", "Round", "Sqrt", "Truncate", "if"];

    private const ExpressionOptions Options = ExpressionOptions.DecimalAsDefault;

    // A formula that is just one name is resolved directly: the default rates are all like that.
    private readonly string? _single;

    private NCalcFormula(string text, IReadOnlyList<string> names)
    {
        Text = text;
        Names = names;
        var trimmed = text.Trim().TrimStart('[').TrimEnd(']');
        _single = names.Count == 1 && trimmed == names[0] ? names[0] : null;
    }

    public string Text { get; }

    /// <summary>The names the formula reads, each once.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <param name="subject">Names the formula in messages, e.g. “专业部门”指标“结案率”的分子公式.</param>
    /// <param name="isKnown">Whether a referenced name may be used here.</param>
    /// <param name="allowed">Describes the allowed names for the message, e.g. 统计数.</param>
    public static Result<NCalcFormula> Parse(string? text, string subject, Func<string, bool> isKnown, string allowed)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return EvaluationErrors.FormulaRequired(subject);
        }

        var expression = Create(text);
        if (expression.HasErrors())
        {
            return EvaluationErrors.FormulaSyntax(subject, text, ColumnOf(expression.Error));
        }

        var unknownFunction = expression.GetFunctionNames().FirstOrDefault(f => !Functions.Contains(f));
        if (unknownFunction is not null)
        {
            return EvaluationErrors.FormulaUnknownFunction(subject, unknownFunction);
        }

        var names = expression.GetParameterNames().Distinct(StringComparer.Ordinal).ToList();
        var unknownName = names.FirstOrDefault(n => !isKnown(n));
        if (unknownName is not null)
        {
            return EvaluationErrors.FormulaUnknownName(subject, unknownName, allowed);
        }

        var formula = new NCalcFormula(text, names);
        return formula.TryOnSample(subject) ?? Result.Success(formula);
    }

    /// <summary>The value, or null when a name has no value or the arithmetic has no finite result.</summary>
    public decimal? Evaluate(Func<string, decimal?> valueOf)
    {
        if (_single is not null)
        {
            return valueOf(_single);
        }

        var expression = Create(Text);
        foreach (var name in Names)
        {
            if (valueOf(name) is not { } value)
            {
                return null;
            }

            expression.Parameters[name] = value;
        }

        try
        {
            return ToDecimal(expression.Evaluate());
        }
        catch (Exception e) when (e is ArithmeticException or NCalcException or FormatException or InvalidCastException)
        {
            // Validated on save, so only the data can cause this (e.g. a branch never tried): no value, not a failed run.
            return null;
        }
    }

    private static Expression Create(string text) => new(text, Options, cultureInfo: CultureInfo.InvariantCulture);

    private static decimal? ToDecimal(object? result) => result switch
    {
        decimal d => d,
        int or long or short or byte => Convert.ToDecimal(result, CultureInfo.InvariantCulture),
        double d when double.IsFinite(d) && Math.Abs(d) < 7.9e28 => (decimal)d,
        float f when float.IsFinite(f) && Math.Abs(f) < 7.9e28f => (decimal)f,
        _ => null,
    };

    /// <summary>Evaluates once with every name at 7, to catch what parsing cannot: wrong arguments, non-numeric results.</summary>
    private Error? TryOnSample(string subject)
    {
        var expression = Create(Text);
        foreach (var name in Names)
        {
            expression.Parameters[name] = 7m;
        }

        try
        {
            var result = expression.Evaluate();
            return result is bool or string or char or null ? EvaluationErrors.FormulaNotNumeric(subject, Text) : null;
        }
        catch (ArithmeticException)
        {
            return null;
        }
        catch (Exception e) when (e is NCalcException or FormatException or InvalidCastException or ArgumentException)
        {
            return EvaluationErrors.FormulaCannotEvaluate(subject, Text);
        }
    }

    private static int? ColumnOf(Exception? error)
    {
        var match = PositionPattern().Match(error?.InnerException?.Message ?? error?.Message ?? string.Empty);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"position \(\d+:(\d+)\)")]
    private static partial Regex PositionPattern();
}

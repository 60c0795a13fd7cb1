using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Evaluation;

/// <summary>The checks that depend on the kind of indicator.</summary>
internal static class IndicatorChecks
{
    public static IEnumerable<Error> Check(EvaluationObjectType type, IndicatorDefinition indicator)
    {
        var subject = FormulaSetValidator.Subject(type, indicator);
        return indicator switch
        {
            RateIndicator rate => CheckRate(rate, subject),
            BandedIndicator banded => CheckBanded(banded, subject),
            FormulaIndicator custom => Failures(FormulaSetValidator.ParseCountFormula(custom.Formula, $"{subject}的公式")),
            _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator.GetType().Name, "Unknown kind of indicator."),
        };
    }

    private static IEnumerable<Error> CheckRate(RateIndicator rate, string subject)
    {
        if (!Enum.IsDefined(rate.Polarity))
        {
            yield return EvaluationErrors.UnknownPolarity(subject);
        }

        foreach (var error in Failures(FormulaSetValidator.ParseCountFormula(rate.Numerator, $"{subject}的分子公式")))
        {
            yield return error;
        }

        foreach (var error in Failures(FormulaSetValidator.ParseCountFormula(rate.Denominator, $"{subject}的分母公式")))
        {
            yield return error;
        }
    }

    private static IEnumerable<Error> CheckBanded(BandedIndicator banded, string subject)
    {
        if (!Enum.IsDefined(banded.Source))
        {
            yield return EvaluationErrors.UnknownCount(subject);
        }

        if (ScoreBands.Check(banded.Bands, subject) is { } error)
        {
            yield return error;
        }

        foreach (var (group, bands) in banded.GroupBands ?? new Dictionary<string, IReadOnlyList<ScoreBand>>())
        {
            if (string.IsNullOrWhiteSpace(group))
            {
                yield return EvaluationErrors.GroupNameRequired(subject);
            }
            else if (ScoreBands.Check(bands, $"{subject}（分组“{group}”）") is { } groupError)
            {
                yield return groupError;
            }
        }
    }

    private static IEnumerable<Error> Failures(Result result) => result.IsFailure ? [result.Error] : [];
}

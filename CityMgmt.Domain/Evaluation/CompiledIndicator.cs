namespace CityMgmt.Domain.Evaluation;

/// <summary>An indicator with its formulas parsed once, scoring one object at a time.</summary>
internal abstract class CompiledIndicator(IndicatorDefinition definition)
{
    public IndicatorDefinition Definition { get; } = definition;

    public static CompiledIndicator Compile(IndicatorDefinition definition) => definition switch
    {
        RateIndicator rate => new Rate(rate),
        BandedIndicator banded => new Banded(banded),
        FormulaIndicator custom => new Custom(custom),
        _ => throw new ArgumentOutOfRangeException(nameof(definition), definition.GetType().Name, "Unknown kind of indicator."),
    };

    public abstract IndicatorResult Score(EvaluationSubject subject);

    protected IndicatorResult Result(IndicatorValueKind kind, decimal? value, decimal? score) =>
        new(Definition.Key, Definition.Name, Definition.Weight, kind, value, score is { } s ? Scores.Round(Math.Clamp(s, 0m, 100m)) : null);

    private sealed class Rate(RateIndicator rate) : CompiledIndicator(rate)
    {
        private readonly NCalcFormula _numerator = FormulaSetValidator.ParseCountFormula(rate.Numerator, rate.Name).Value;
        private readonly NCalcFormula _denominator = FormulaSetValidator.ParseCountFormula(rate.Denominator, rate.Name).Value;

        public override IndicatorResult Score(EvaluationSubject subject)
        {
            var denominator = _denominator.Evaluate(name => Scores.Resolve(subject.Counts, name));
            var numerator = _numerator.Evaluate(name => Scores.Resolve(subject.Counts, name));
            if (denominator is not > 0 || numerator is null)
            {
                return Result(IndicatorValueKind.Rate, null, null);
            }

            var r = numerator.Value / denominator.Value;
            return Result(IndicatorValueKind.Rate, r, rate.Polarity == RatePolarity.Bad ? (1 - r) * 100 : r * 100);
        }
    }

    private sealed class Banded(BandedIndicator banded) : CompiledIndicator(banded)
    {
        public override IndicatorResult Score(EvaluationSubject subject)
        {
            var count = subject.Counts[banded.Source];
            return Result(IndicatorValueKind.Count, count, ScoreBands.ScoreOf(banded.BandsFor(subject.Group), count));
        }
    }

    private sealed class Custom(FormulaIndicator custom) : CompiledIndicator(custom)
    {
        private readonly NCalcFormula _formula = FormulaSetValidator.ParseCountFormula(custom.Formula, custom.Name).Value;

        public override IndicatorResult Score(EvaluationSubject subject)
        {
            var value = _formula.Evaluate(name => Scores.Resolve(subject.Counts, name));
            return Result(IndicatorValueKind.Formula, value, value);
        }
    }
}

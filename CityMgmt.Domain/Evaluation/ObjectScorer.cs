namespace CityMgmt.Domain.Evaluation;

/// <summary>Scores objects of one type with a validated <see cref="ObjectFormula"/>. Pure and thread-safe.</summary>
internal sealed class ObjectScorer
{
    private readonly IReadOnlyList<CompiledIndicator> _indicators;
    private readonly NCalcFormula? _composite;
    private readonly EmptyIndicatorPolicy _policy;

    public ObjectScorer(ObjectFormula formula, EmptyIndicatorPolicy policy)
    {
        Formula = formula;
        _policy = policy;
        _indicators = [.. formula.Indicators.Select(CompiledIndicator.Compile)];
        _composite = string.IsNullOrWhiteSpace(formula.CompositeFormula) ? null : FormulaSetValidator.ParseComposite(formula).Value;
    }

    public ObjectFormula Formula { get; }

    public ObjectEvaluation Score(EvaluationSubject subject)
    {
        var results = _indicators.Select(i => i.Score(subject)).ToList();
        var composite = _composite is null ? WeightedMean(results) : Custom(results, subject.Counts);
        if (composite is { } value)
        {
            composite = Scores.Round(Math.Clamp(value, 0m, 100m));
        }

        return new ObjectEvaluation(subject.Id, subject.Name, subject.Group, subject.Counts, results, composite,
            composite is { } c ? Grades.For(c) : null);
    }

    /// <summary>The score an indicator contributes: its own, or the policy's stand-in when it is "—" (null: left out).</summary>
    private decimal? Contribution(IndicatorResult result) => result.Score ?? _policy switch
    {
        EmptyIndicatorPolicy.Full => 100m,
        EmptyIndicatorPolicy.Zero => 0m,
        _ => null,
    };

    // Dividing by the weights actually used re-normalises them when Exclude leaves some out; otherwise they sum to 100.
    private decimal? WeightedMean(IReadOnlyList<IndicatorResult> results)
    {
        decimal total = 0, weights = 0;
        foreach (var result in results.Where(r => r.Weight > 0))
        {
            if (Contribution(result) is { } score)
            {
                total += result.Weight * score;
                weights += result.Weight;
            }
        }

        return weights == 0 ? null : total / weights;
    }

    private decimal? Custom(IReadOnlyList<IndicatorResult> results, CountSet counts) =>
        _composite!.Evaluate(name =>
        {
            var indicator = results.FirstOrDefault(r => r.Key == name) ?? results.FirstOrDefault(r => r.Name == name);
            if (indicator is not null)
            {
                return Contribution(indicator);
            }

            return Scores.Resolve(counts, name);
        });
}

internal static class Scores
{
    /// <summary>Scores are kept and shown with two decimals, half away from zero (as users round by hand).</summary>
    public static decimal Round(decimal score) => Math.Round(score, 2, MidpointRounding.AwayFromZero);

    public static decimal? Resolve(CountSet counts, string name) =>
        CountKeys.TryResolve(name, out var key) ? counts[key] : null;
}

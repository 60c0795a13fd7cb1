using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Evaluation;

/// <summary>
/// A formula set that passed <see cref="FormulaSetValidator"/>, ready to evaluate. Pure: the counts come in, immutable
/// results go out; a host queries the counts and snapshots the report with the set's name and version.
/// </summary>
public sealed class CompiledFormulaSet
{
    private readonly Dictionary<EvaluationObjectType, ObjectScorer> _scorers;

    private CompiledFormulaSet(FormulaSet definition)
    {
        Definition = definition;
        _scorers = definition.Objects.ToDictionary(o => o.ObjectType, o => new ObjectScorer(o, definition.EmptyPolicy));
    }

    public FormulaSet Definition { get; }

    /// <summary>Validates and compiles; fails with the first problem (use <see cref="FormulaSetValidator.Validate"/> for all).</summary>
    public static Result<CompiledFormulaSet> Create(FormulaSet definition)
    {
        var errors = FormulaSetValidator.Validate(definition);
        return errors.Count > 0 ? errors[0] : new CompiledFormulaSet(definition);
    }

    public bool Covers(EvaluationObjectType type) => _scorers.ContainsKey(type);

    /// <summary>Scores, grades and ranks every object of <paramref name="type"/> for <paramref name="period"/>.</summary>
    /// <exception cref="ArgumentException">A subject of another type, or two subjects with the same id (a bug in the caller).</exception>
    public Result<EvaluationReport> Evaluate(EvaluationObjectType type, EvaluationPeriod period, IEnumerable<EvaluationSubject> subjects)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(subjects);
        if (!_scorers.TryGetValue(type, out var scorer))
        {
            return EvaluationErrors.ObjectTypeNotConfigured(Definition.Name, type);
        }

        var list = subjects.ToList();
        if (list.FirstOrDefault(s => s.Type != type) is { } stranger)
        {
            throw new ArgumentException($"Subject {stranger.Id} is a {stranger.Type}, not a {type}.", nameof(subjects));
        }

        if (list.GroupBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ArgumentException($"Subject {duplicate.Key} is given twice.", nameof(subjects));
        }

        var rows = Ranking.Rank(list.Select(s => scorer.Score(scorer.Formula.Grouped(s))), scorer.Formula.MinimumSample);
        return new EvaluationReport(Definition.Name, Definition.Version, Definition.EmptyPolicy, type, period, scorer.Formula.MinimumSample, rows);
    }

    /// <summary>Scores one object without ranking it (for a drill-down or a preview while editing a set).</summary>
    public Result<ObjectEvaluation> Score(EvaluationSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return _scorers.TryGetValue(subject.Type, out var scorer)
            ? scorer.Score(scorer.Formula.Grouped(subject))
            : EvaluationErrors.ObjectTypeNotConfigured(Definition.Name, subject.Type);
    }
}

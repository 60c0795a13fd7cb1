using CityMgmt.Domain.Evaluation;

namespace CityMgmt.Tests.Domain.Evaluation;

/// <summary>Subjects, sets and periods for the evaluation tests.</summary>
internal static class EvaluationFixtures
{
    public static readonly EvaluationPeriod November = EvaluationPeriod.Month(2026, 11);

    public static CompiledFormulaSet Default { get; } = Compile(DefaultFormulaSet.Create());

    public static CompiledFormulaSet Compile(FormulaSet set)
    {
        var compiled = CompiledFormulaSet.Create(set);
        compiled.IsSuccess.ShouldBeTrue(compiled.IsFailure ? compiled.Error.Message : null);
        return compiled.Value;
    }

    public static EvaluationSubject Subject(EvaluationObjectType type, CountSet counts, string id = "s1", string? name = null, string? group = null) =>
        new(id, name ?? id, type, counts, group);

    /// <summary>Scores one object of <paramref name="type"/> with <paramref name="set"/> (the default set when null).</summary>
    public static ObjectEvaluation Score(EvaluationObjectType type, CountSet counts, CompiledFormulaSet? set = null) =>
        (set ?? Default).Score(Subject(type, counts)).Value;

    /// <summary>The default set with one object type's formula changed.</summary>
    public static FormulaSet DefaultWith(EvaluationObjectType type, Func<ObjectFormula, ObjectFormula> change, EmptyIndicatorPolicy? policy = null)
    {
        var set = DefaultFormulaSet.Create();
        return set with
        {
            EmptyPolicy = policy ?? set.EmptyPolicy,
            Objects = [.. set.Objects.Select(o => o.ObjectType == type ? change(o) : o)],
        };
    }

    /// <summary>The default set's formula for <paramref name="type"/> with <paramref name="indicators"/> instead of its own.</summary>
    public static FormulaSet DefaultWithIndicators(EvaluationObjectType type, params IndicatorDefinition[] indicators) =>
        DefaultWith(type, o => o with { Indicators = indicators });

    public static FormulaSet WithPolicy(EmptyIndicatorPolicy policy) => DefaultFormulaSet.Create() with { EmptyPolicy = policy };

    public static ObjectEvaluation Row(string name, decimal? composite, string group = "全部", long closuresDue = 10) =>
        new(name, name, group, CountSet.Of((CountKey.ClosuresDue, closuresDue)), [], composite, composite is { } c ? Grades.For(c) : null);
}

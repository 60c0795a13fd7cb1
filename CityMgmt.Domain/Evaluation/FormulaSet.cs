namespace CityMgmt.Domain.Evaluation;

/// <summary>How the composite treats an indicator that is "—" (its denominator was 0 in the period).</summary>
public enum EmptyIndicatorPolicy
{
    /// <summary>Left out; the remaining weights are re-normalised to 100 %. A custom composite formula gives "—".</summary>
    Exclude,

    /// <summary>Counted as 100 (nothing went wrong).</summary>
    Full,

    /// <summary>Counted as 0 (nothing was done).</summary>
    Zero,
}

public static class EmptyIndicatorPolicyNames
{
    public static string DisplayName(this EmptyIndicatorPolicy policy) => policy switch
    {
        EmptyIndicatorPolicy.Exclude => "不计入（其余指标按权重折算）",
        EmptyIndicatorPolicy.Full => "按满分计",
        EmptyIndicatorPolicy.Zero => "按零分计",
        _ => policy.ToString(),
    };
}

/// <summary>Objects whose <see cref="Count"/> is below <see cref="Minimum"/> are listed but not ranked (样本不足).</summary>
public sealed record MinimumSample(CountKey Count, long Minimum)
{
    public bool IsMetBy(CountSet counts) => counts[Count] >= Minimum;

    public override string ToString() => $"{Count.DisplayName()} ≥ {Minimum}";
}

/// <summary>
/// The formula of one object type. Without <see cref="CompositeFormula"/> (null or blank) the composite is the weighted sum of the
/// indicator scores; with it, an NCalc formula over indicator scores (by key or [name]) and counts.
/// <see cref="PeerGroups"/> puts objects (by id) into named peer groups (e.g. 镇 vs 街道), replacing the group the host gave.
/// </summary>
public sealed record ObjectFormula(
    EvaluationObjectType ObjectType,
    IReadOnlyList<IndicatorDefinition> Indicators,
    string? CompositeFormula = null,
    MinimumSample? MinimumSample = null,
    IReadOnlyDictionary<string, string>? PeerGroups = null)
{
    /// <summary><paramref name="subject"/> in the peer group this formula gives it, if any.</summary>
    public EvaluationSubject Grouped(EvaluationSubject subject) =>
        PeerGroups is not null && PeerGroups.TryGetValue(subject.Id, out var group) && !string.IsNullOrWhiteSpace(group)
            ? subject with { PeerGroup = group.Trim() }
            : subject;
}

/// <summary>
/// An administrator-editable set of formulas, one per object type. Results are snapshotted with
/// <see cref="Name"/> and <see cref="Version"/>, so a saved set is never changed in place: edit a copy with a new version.
/// </summary>
public sealed record FormulaSet(string Name, int Version, EmptyIndicatorPolicy EmptyPolicy, IReadOnlyList<ObjectFormula> Objects)
{
    public const int NameMaxLength = 50;

    public ObjectFormula? For(EvaluationObjectType type) => Objects.FirstOrDefault(o => o?.ObjectType == type);
}

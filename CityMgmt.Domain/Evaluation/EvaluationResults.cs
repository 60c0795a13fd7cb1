using System.Globalization;
using System.Text.Json.Serialization;

namespace CityMgmt.Domain.Evaluation;

/// <summary>What <see cref="IndicatorResult.Value"/> holds: a ratio (shown as a percentage), a count, or a formula's own value.</summary>
public enum IndicatorValueKind
{
    Rate,
    Count,
    Formula,
}

/// <summary>
/// One indicator of one object. <see cref="Score"/> (0–100, two decimals) is null when there was nothing to measure,
/// shown as "—"; the composite then follows the formula set's <see cref="EmptyIndicatorPolicy"/>.
/// </summary>
public sealed record IndicatorResult(string Key, string Name, decimal Weight, IndicatorValueKind ValueKind, decimal? Value, decimal? Score)
{
    public const string NoValue = "—";

    [JsonIgnore]
    public bool IsEmpty => Score is null;

    [JsonIgnore]
    public string ScoreText => Score?.ToString("0.00", CultureInfo.InvariantCulture) ?? NoValue;

    [JsonIgnore]
    public string ValueText => Value is not { } value
        ? NoValue
        : ValueKind switch
        {
            IndicatorValueKind.Rate => (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%",
            IndicatorValueKind.Count => value.ToString("0", CultureInfo.InvariantCulture),
            _ => value.ToString("0.00", CultureInfo.InvariantCulture),
        };
}

/// <summary>Whether a row has a rank, and why not.</summary>
public enum RankStatus
{
    Ranked,

    /// <summary>样本不足: below the minimum sample; listed, not ranked.</summary>
    InsufficientSample,

    /// <summary>无数据: every weighted indicator is "—", so there is no composite.</summary>
    NoData,

    /// <summary>Scored alone (a preview or drill-down), not ranked against peers.</summary>
    Unranked,
}

/// <summary>The result for one object: counts, indicators, composite (two decimals), grade, and rank within its peer group.</summary>
public sealed record ObjectEvaluation(
    string SubjectId,
    string SubjectName,
    string PeerGroup,
    CountSet Counts,
    IReadOnlyList<IndicatorResult> Indicators,
    decimal? Composite,
    GradeInfo? Grade,
    RankStatus Status = RankStatus.Unranked,
    int? Rank = null)
{
    [JsonIgnore]
    public string CompositeText => Composite?.ToString("0.00", CultureInfo.InvariantCulture) ?? IndicatorResult.NoValue;

    [JsonIgnore]
    public string RankText => Status switch
    {
        RankStatus.Ranked => Rank?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        RankStatus.InsufficientSample => "样本不足",
        RankStatus.NoData => "无数据",
        _ => "未排名",
    };

    public IndicatorResult Indicator(string key) => Indicators.Single(i => i.Key == key);
}

/// <summary>One run for one object type and period, with the formula set (name and version) it used.</summary>
public sealed record EvaluationReport(
    string FormulaSetName,
    int FormulaSetVersion,
    EmptyIndicatorPolicy EmptyPolicy,
    EvaluationObjectType ObjectType,
    EvaluationPeriod Period,
    MinimumSample? MinimumSample,
    IReadOnlyList<ObjectEvaluation> Rows)
{
    /// <summary>Peer groups in the order their first object was given.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> PeerGroups => [.. Rows.Select(r => r.PeerGroup).Distinct()];

    public IReadOnlyList<ObjectEvaluation> InGroup(string peerGroup) => [.. Rows.Where(r => r.PeerGroup == peerGroup)];
}

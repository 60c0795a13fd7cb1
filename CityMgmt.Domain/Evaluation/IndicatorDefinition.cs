using System.Text.Json.Serialization;

namespace CityMgmt.Domain.Evaluation;

/// <summary>How a rate is scored: a good rate r scores r × 100, a bad rate (1 − r) × 100.</summary>
public enum RatePolarity
{
    Good,
    Bad,
}

/// <summary>
/// One indicator of an object type's formula. <see cref="Key"/> is an English identifier (usable in the composite
/// formula), <see cref="Name"/> the Chinese name users read, <see cref="Weight"/> a percentage (weights of one object
/// type sum to 100; a weight of 0 shows the indicator without counting it).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(RateIndicator), "rate")]
[JsonDerivedType(typeof(BandedIndicator), "banded")]
[JsonDerivedType(typeof(FormulaIndicator), "formula")]
public abstract record IndicatorDefinition(string Key, string Name, decimal Weight);

/// <summary>
/// r = <see cref="Numerator"/> / <see cref="Denominator"/>, both NCalc formulas over counts (e.g. <c>Filed - Cancelled</c>).
/// A denominator of 0 (or less) means nothing to measure: the indicator is "—".
/// </summary>
public sealed record RateIndicator(string Key, string Name, decimal Weight, string Numerator, string Denominator, RatePolarity Polarity = RatePolarity.Good)
    : IndicatorDefinition(Key, Name, Weight);

/// <summary>
/// A count scored by bands (e.g. 受理数 ≥2001→100). <see cref="GroupBands"/> replaces <see cref="Bands"/> for the
/// objects of a peer group (e.g. 立案数 bands per department group). A count always has a value, so never "—".
/// </summary>
public sealed record BandedIndicator(
    string Key,
    string Name,
    decimal Weight,
    CountKey Source,
    IReadOnlyList<ScoreBand> Bands,
    IReadOnlyDictionary<string, IReadOnlyList<ScoreBand>>? GroupBands = null)
    : IndicatorDefinition(Key, Name, Weight)
{
    public IReadOnlyList<ScoreBand> BandsFor(string peerGroup) =>
        GroupBands is not null && GroupBands.TryGetValue(peerGroup, out var bands) ? bands : Bands;
}

/// <summary>
/// A custom NCalc formula over counts whose result is the score (kept within 0–100). A division by zero, or a result
/// that is not a finite number, makes the indicator "—".
/// </summary>
public sealed record FormulaIndicator(string Key, string Name, decimal Weight, string Formula)
    : IndicatorDefinition(Key, Name, Weight);

using CityMgmt.Domain.Common;
using CityMgmt.Domain.Evaluation;

using DomainError = CityMgmt.Domain.Common.Error;

namespace CityMgmt.Web.Components.Pages.Admin.Evaluation;

/// <summary>The three kinds of indicator an administrator can add.</summary>
public enum IndicatorKind
{
    Rate,
    Banded,
    Formula,
}

/// <summary>An editable copy of a <see cref="FormulaSet"/> for the formula page; <see cref="ToSet"/> rebuilds the immutable set.</summary>
public sealed class FormulaSetEditModel
{
    public string Name { get; set; } = string.Empty;

    public EmptyIndicatorPolicy EmptyPolicy { get; set; }

    public List<ObjectFormulaEditModel> Objects { get; } = [];

    public static FormulaSetEditModel From(FormulaSet set)
    {
        var model = new FormulaSetEditModel { Name = set.Name, EmptyPolicy = set.EmptyPolicy };
        model.Objects.AddRange(set.Objects.Select(ObjectFormulaEditModel.From));
        return model;
    }

    /// <summary>The set, or the band texts that could not be read (the set's own rules are checked on save).</summary>
    public Result<FormulaSet> ToSet(IList<DomainError> errors)
    {
        var objects = Objects.Select(o => o.ToFormula(errors)).ToList();
        return errors.Count > 0 ? errors[0] : new FormulaSet(Name, 1, EmptyPolicy, objects);
    }
}

public sealed class ObjectFormulaEditModel
{
    public EvaluationObjectType Type { get; set; }

    public List<IndicatorEditModel> Indicators { get; } = [];

    public string? CompositeFormula { get; set; }

    public bool HasMinimum { get; set; }

    public CountKey MinimumCount { get; set; } = CountKey.ClosuresDue;

    public long Minimum { get; set; }

    /// <summary>Subject id → peer group name (blank: the default group).</summary>
    public Dictionary<string, string> PeerGroups { get; } = [];

    public decimal WeightSum => Indicators.Sum(i => i.Weight);

    public static ObjectFormulaEditModel From(ObjectFormula formula)
    {
        var model = new ObjectFormulaEditModel
        {
            Type = formula.ObjectType,
            CompositeFormula = formula.CompositeFormula,
            HasMinimum = formula.MinimumSample is not null,
            MinimumCount = formula.MinimumSample?.Count ?? CountKey.ClosuresDue,
            Minimum = formula.MinimumSample?.Minimum ?? 0,
        };
        model.Indicators.AddRange(formula.Indicators.Select(IndicatorEditModel.From));
        foreach (var (id, group) in formula.PeerGroups ?? new Dictionary<string, string>())
        {
            model.PeerGroups[id] = group;
        }

        return model;
    }

    public ObjectFormula ToFormula(IList<DomainError> errors)
    {
        var groups = PeerGroups.Where(g => !string.IsNullOrWhiteSpace(g.Value)).ToDictionary(g => g.Key, g => g.Value.Trim());
        return new ObjectFormula(
            Type,
            [.. Indicators.Select(i => i.ToDefinition(Type, errors))],
            string.IsNullOrWhiteSpace(CompositeFormula) ? null : CompositeFormula.Trim(),
            HasMinimum ? new MinimumSample(MinimumCount, Minimum) : null,
            groups.Count == 0 ? null : groups);
    }
}

public sealed class IndicatorEditModel
{
    public IndicatorKind Kind { get; set; }

    public string Key { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public decimal Weight { get; set; }

    public string Numerator { get; set; } = string.Empty;

    public string Denominator { get; set; } = string.Empty;

    public RatePolarity Polarity { get; set; }

    public CountKey Source { get; set; } = CountKey.Filed;

    public string Bands { get; set; } = string.Empty;

    /// <summary>One line per peer group: "组名 = 0-50:100, 51-:0".</summary>
    public string GroupBands { get; set; } = string.Empty;

    public string Formula { get; set; } = string.Empty;

    public static IndicatorEditModel From(IndicatorDefinition definition)
    {
        var model = new IndicatorEditModel { Key = definition.Key, Name = definition.Name, Weight = definition.Weight };
        switch (definition)
        {
            case RateIndicator rate:
                (model.Kind, model.Numerator, model.Denominator, model.Polarity) = (IndicatorKind.Rate, rate.Numerator, rate.Denominator, rate.Polarity);
                break;
            case BandedIndicator banded:
                (model.Kind, model.Source, model.Bands) = (IndicatorKind.Banded, banded.Source, ScoreBandText.Format(banded.Bands));
                model.GroupBands = string.Join("\n", (banded.GroupBands ?? new Dictionary<string, IReadOnlyList<ScoreBand>>())
                    .Select(g => $"{g.Key} = {ScoreBandText.Format(g.Value)}"));
                break;
            case FormulaIndicator custom:
                (model.Kind, model.Formula) = (IndicatorKind.Formula, custom.Formula);
                break;
        }

        return model;
    }

    public IndicatorDefinition ToDefinition(EvaluationObjectType type, IList<DomainError> errors)
    {
        var key = Key?.Trim() ?? string.Empty;
        switch (Kind)
        {
            case IndicatorKind.Rate:
                return new RateIndicator(key, Name, Weight, Numerator, Denominator, Polarity);
            case IndicatorKind.Formula:
                return new FormulaIndicator(key, Name, Weight, Formula);
        }

        var subject = $"“{type.DisplayName()}”指标“{Name}”";
        var bands = ScoreBandText.Parse(Bands, subject);
        if (bands.IsFailure)
        {
            errors.Add(bands.Error);
        }

        var groups = new Dictionary<string, IReadOnlyList<ScoreBand>>();
        foreach (var line in (GroupBands ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var split = line.Split('=', 2, StringSplitOptions.TrimEntries);
            var group = split.Length == 2 ? split[0] : string.Empty;
            var parsed = ScoreBandText.Parse(split.Length == 2 ? split[1] : line, $"{subject}（分组“{group}”）");
            if (split.Length != 2 || group.Length == 0)
            {
                errors.Add(EvaluationErrors.GroupNameRequired(subject));
            }
            else if (parsed.IsFailure)
            {
                errors.Add(parsed.Error);
            }
            else
            {
                groups[group] = parsed.Value;
            }
        }

        return new BandedIndicator(key, Name, Weight, Source, bands.IsSuccess ? bands.Value : [], groups.Count == 0 ? null : groups);
    }
}

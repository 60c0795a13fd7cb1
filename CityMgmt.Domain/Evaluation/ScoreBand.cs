using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Evaluation;

/// <summary>Counts from <see cref="Min"/> to <see cref="Max"/> inclusive (no <see cref="Max"/>: no upper limit) score <see cref="Score"/>.</summary>
public sealed record ScoreBand(long Min, long? Max, decimal Score)
{
    public bool Contains(long value) => value >= Min && (Max is null || value <= Max);

    public override string ToString() => Max is null ? $"≥{Min}" : $"{Min}–{Max}";
}

/// <summary>Band tables: the defaults of domain.md §5 and the rules a configured table must follow.</summary>
public static class ScoreBands
{
    /// <summary>受理数 and 派遣数: ≥2001→100, 1201–2000→90, 501–1200→75, 301–500→60, 101–300→40, ≤100→0.</summary>
    public static IReadOnlyList<ScoreBand> Workload { get; } =
    [
        new(0, 100, 0), new(101, 300, 40), new(301, 500, 60), new(501, 1200, 75), new(1201, 2000, 90), new(2001, null, 100),
    ];

    /// <summary>立案数 of a department or region (fewer problems score higher): 0–50→100 … 501–1000→40, &gt;1000→0.</summary>
    public static IReadOnlyList<ScoreBand> FiledCases { get; } =
    [
        new(0, 50, 100), new(51, 100, 90), new(101, 200, 75), new(201, 500, 60), new(501, 1000, 40), new(1001, null, 0),
    ];

    /// <summary>The score of <paramref name="value"/> in a table that passed <see cref="Check"/>.</summary>
    public static decimal ScoreOf(IReadOnlyList<ScoreBand> bands, long value) =>
        bands.FirstOrDefault(b => b.Contains(value))?.Score
        ?? throw new ArgumentOutOfRangeException(nameof(value), value, "No band holds the value: the table was not checked.");

    /// <summary>
    /// A table must start at 0, be contiguous without overlaps, end open-ended and score within 0–100,
    /// so every count falls in exactly one band. Bands may be given in any order.
    /// </summary>
    /// <param name="subject">Names the table in the message, e.g. 指标“受理数”.</param>
    public static Error? Check(IReadOnlyList<ScoreBand>? bands, string subject)
    {
        if (bands is null || bands.Count == 0)
        {
            return EvaluationErrors.BandsRequired(subject);
        }

        foreach (var band in bands)
        {
            if (band.Max < band.Min)
            {
                return EvaluationErrors.BandInverted(subject, band);
            }

            if (band.Score is < 0 or > 100)
            {
                return EvaluationErrors.BandScoreOutOfRange(subject, band);
            }
        }

        var sorted = bands.OrderBy(b => b.Min).ThenBy(b => b.Max ?? long.MaxValue).ToList();
        if (sorted[0].Min != 0)
        {
            return EvaluationErrors.BandsNotFromZero(subject, sorted[0]);
        }

        for (var i = 1; i < sorted.Count; i++)
        {
            var (previous, next) = (sorted[i - 1], sorted[i]);
            if (previous.Max is null || next.Min <= previous.Max)
            {
                return EvaluationErrors.BandsOverlap(subject, previous, next);
            }

            if (next.Min > previous.Max + 1)
            {
                return EvaluationErrors.BandsGap(subject, previous, next);
            }
        }

        return sorted[^1].Max is null ? null : EvaluationErrors.BandsNotOpenEnded(subject, sorted[^1]);
    }
}

/// <summary>Band tables as administrators type them: "0-50:100, 51-100:90, 1001-:0" (an open last band ends with "-").</summary>
public static class ScoreBandText
{
    private static readonly char[] Separators = [',', '，', ';', '；', '\n', '\r'];

    public static string Format(IReadOnlyList<ScoreBand>? bands) => bands is null
        ? string.Empty
        : string.Join(", ", bands.OrderBy(b => b.Min).Select(b => $"{b.Min}-{b.Max}:{b.Score:0.##}"));

    /// <summary>Parses the text; the table's own rules (from 0, contiguous, open-ended) are checked by <see cref="ScoreBands.Check"/>.</summary>
    public static Result<IReadOnlyList<ScoreBand>> Parse(string? text, string subject)
    {
        var bands = new List<ScoreBand>();
        foreach (var raw in (text ?? string.Empty).Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var part = raw.Replace('：', ':').Replace('–', '-').Replace('—', '-');
            var colon = part.Split(':', StringSplitOptions.TrimEntries);
            var range = colon.Length == 2 ? colon[0].Split('-', StringSplitOptions.TrimEntries) : [];
            if (range.Length != 2
                || !long.TryParse(range[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var min)
                || !decimal.TryParse(colon[1], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var score))
            {
                return EvaluationErrors.BandsText(subject, raw);
            }

            long? max = null;
            if (range[1].Length > 0)
            {
                if (!long.TryParse(range[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var upper))
                {
                    return EvaluationErrors.BandsText(subject, raw);
                }

                max = upper;
            }

            bands.Add(new ScoreBand(min, max, score));
        }

        return bands.Count == 0 ? EvaluationErrors.BandsRequired(subject) : Result.Success<IReadOnlyList<ScoreBand>>(bands);
    }
}

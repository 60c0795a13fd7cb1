namespace CityMgmt.Domain.Evaluation;

/// <summary>Ranks scored objects against their peers.</summary>
public static class Ranking
{
    /// <summary>
    /// Sets each row's status and rank within its peer group. An object without a composite is 无数据; one below
    /// <paramref name="minimum"/> is 样本不足; both are listed but not ranked. Ranks follow the composite (two decimals,
    /// as shown) descending; equal composites share a rank and the next rank skips (1, 1, 3).
    /// Rows come back group by group (groups in the order first given): ranked, then 样本不足, then 无数据;
    /// equal composites by name.
    /// </summary>
    public static IReadOnlyList<ObjectEvaluation> Rank(IEnumerable<ObjectEvaluation> rows, MinimumSample? minimum)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ranked = new List<ObjectEvaluation>();
        foreach (var group in rows.GroupBy(r => r.PeerGroup, StringComparer.Ordinal))
        {
            var classified = group
                .Select(r => r with { Status = StatusOf(r, minimum), Rank = null })
                .OrderBy(r => r.Status)
                .ThenByDescending(r => r.Composite ?? -1)
                .ThenBy(r => r.SubjectName, StringComparer.Ordinal)
                .ThenBy(r => r.SubjectId, StringComparer.Ordinal)
                .ToList();

            for (var i = 0; i < classified.Count && classified[i].Status == RankStatus.Ranked; i++)
            {
                var tied = i > 0 && classified[i - 1].Composite == classified[i].Composite;
                classified[i] = classified[i] with { Rank = tied ? classified[i - 1].Rank : i + 1 };
            }

            ranked.AddRange(classified);
        }

        return ranked;
    }

    private static RankStatus StatusOf(ObjectEvaluation row, MinimumSample? minimum) =>
        row.Composite is null ? RankStatus.NoData
        : minimum is not null && !minimum.IsMetBy(row.Counts) ? RankStatus.InsufficientSample
        : RankStatus.Ranked;
}

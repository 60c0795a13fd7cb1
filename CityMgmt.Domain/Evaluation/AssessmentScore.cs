namespace CityMgmt.Domain.Evaluation;

/// <summary>
/// A township's or department's quarterly or annual assessment: <see cref="BaseScore"/> (e.g. its composite, or a
/// configured starting score) minus the deductions dated within the period, never below 0. Revoked deductions do not count.
/// </summary>
public sealed record AssessmentScore(
    string TargetId,
    EvaluationPeriod Period,
    decimal BaseScore,
    decimal TotalDeducted,
    decimal FinalScore,
    IReadOnlyList<DeductionItem> Deductions)
{
    /// <summary>Takes the deductions of <paramref name="targetId"/> dated in <paramref name="period"/> and not in <paramref name="revoked"/>; others are ignored.</summary>
    public static AssessmentScore Compute(string targetId, EvaluationPeriod period, decimal baseScore, IEnumerable<DeductionItem> deductions, IReadOnlySet<Guid>? revoked = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(deductions);
        ArgumentOutOfRangeException.ThrowIfNegative(baseScore);
        var counted = deductions
            .Where(d => d.TargetId == targetId && period.Contains(d.Date) && revoked?.Contains(d.Id) != true)
            .OrderBy(d => d.Date)
            .ToList();
        var total = counted.Sum(d => d.Points);
        return new AssessmentScore(targetId, period, baseScore, total, Math.Max(0m, baseScore - total), counted);
    }

    public GradeInfo Grade => Grades.For(Math.Min(FinalScore, 100m));
}

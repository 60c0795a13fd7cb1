using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Evaluation;

/// <summary>
/// 扣分: points taken from a township or department, e.g. for handling problems too slowly; they lower its
/// quarterly and annual assessment score (see <see cref="AssessmentScore"/>). Recorded once, never edited or deleted:
/// a mistake is withdrawn by a <see cref="DeductionRevocation"/>, which keeps both on record.
/// </summary>
public sealed class DeductionItem : Entity, IAppendOnly
{
    public const int ReasonMaxLength = 200;
    public const int TargetIdMaxLength = 64;
    public const int RecorderMaxLength = 64;
    public const decimal MaxPoints = 100m;

    private DeductionItem()
    {
    }

    /// <summary>The township (街道/镇乡) or department, by the id its evaluation rows use.</summary>
    public string TargetId { get; private set; } = string.Empty;

    public EvaluationObjectType TargetType { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    public decimal Points { get; private set; }

    /// <summary>The China-time date the deduction counts for; it decides the quarter and year.</summary>
    public DateOnly Date { get; private set; }

    /// <summary>Who decided the deduction (shown on the assessment).</summary>
    public string RecordedBy { get; private set; } = string.Empty;

    /// <summary>The user id of <see cref="RecordedBy"/>, when recorded through the app.</summary>
    public string? RecordedById { get; private set; }

    /// <summary>The case the deduction is about, when one is named.</summary>
    public Guid? CaseId { get; private set; }

    public string? CaseNumber { get; private set; }

    /// <param name="linkedCase">Optional: the case (id and number) the deduction is about; the caller checks it exists.</param>
    public static Result<DeductionItem> Create(
        string targetId, EvaluationObjectType targetType, string reason, decimal points, DateOnly date, string recordedBy,
        string? recordedById = null, (Guid Id, string Number)? linkedCase = null)
    {
        targetId = targetId?.Trim() ?? string.Empty;
        reason = reason?.Trim() ?? string.Empty;
        recordedBy = recordedBy?.Trim() ?? string.Empty;
        if (targetId.Length is 0 or > TargetIdMaxLength)
        {
            return EvaluationErrors.DeductionTargetRequired;
        }

        if (targetType is not (EvaluationObjectType.Street or EvaluationObjectType.Department))
        {
            return EvaluationErrors.DeductionTargetType;
        }

        if (reason.Length is 0 or > ReasonMaxLength)
        {
            return EvaluationErrors.DeductionReasonRequired;
        }

        if (points is <= 0 or > MaxPoints)
        {
            return EvaluationErrors.DeductionPointsOutOfRange;
        }

        if (decimal.Round(points, 2) != points)
        {
            return EvaluationErrors.DeductionPointsTooPrecise;
        }

        if (recordedBy.Length is 0 or > RecorderMaxLength)
        {
            return EvaluationErrors.DeductionRecorderRequired;
        }

        return new DeductionItem
        {
            TargetId = targetId,
            TargetType = targetType,
            Reason = reason,
            Points = points,
            Date = date,
            RecordedBy = recordedBy,
            RecordedById = recordedById,
            CaseId = linkedCase?.Id,
            CaseNumber = linkedCase?.Number,
        };
    }
}

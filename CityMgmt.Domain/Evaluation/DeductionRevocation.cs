using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Evaluation;

/// <summary>
/// 撤销扣分: withdraws one <see cref="DeductionItem"/> with a reason. The deduction stays on record (shown struck
/// through) and stops counting; a deduction is revoked at most once.
/// </summary>
public sealed class DeductionRevocation : Entity, IAppendOnly
{
    public const int ReasonMaxLength = 200;

    private DeductionRevocation()
    {
    }

    public Guid DeductionId { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    public string RevokedBy { get; private set; } = string.Empty;

    public string? RevokedById { get; private set; }

    public DateTimeOffset RevokedAt { get; private set; }

    public static Result<DeductionRevocation> Create(DeductionItem deduction, string reason, string revokedBy, string? revokedById, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(deduction);
        reason = reason?.Trim() ?? string.Empty;
        revokedBy = revokedBy?.Trim() ?? string.Empty;
        if (reason.Length is 0 or > ReasonMaxLength)
        {
            return EvaluationErrors.RevocationReasonRequired;
        }

        if (revokedBy.Length is 0 or > DeductionItem.RecorderMaxLength)
        {
            return EvaluationErrors.DeductionRecorderRequired;
        }

        return new DeductionRevocation
        {
            DeductionId = deduction.Id,
            Reason = reason,
            RevokedBy = revokedBy,
            RevokedById = revokedById,
            RevokedAt = at,
        };
    }
}

using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Cases;

/// <summary>Branches of the loop (domain.md §1) and informational lines that do not change the status.</summary>
public sealed partial class CityCase
{
    private static readonly HashSet<CaseAction> Informational =
    [
        CaseAction.Commented, CaseAction.TaskCompleted, CaseAction.DeadlineWarning, CaseAction.Overdue,
        CaseAction.ReporterNotified, CaseAction.ExtensionRequested, CaseAction.ExtensionRefused,
        CaseAction.SignedFor, CaseAction.ParkRequested, CaseAction.ParkRefused, CaseAction.Urged,
        CaseAction.CancelRequested, CaseAction.CancelRefused, CaseAction.VerificationRequested,
    ];

    /// <summary>回退 approved: the department was not responsible; the case goes back to dispatch.</summary>
    public Result ReturnToDispatch(Actor actor, DateTimeOffset now, DateTimeOffset stageDeadline, string reason)
    {
        if (Status != CaseStatus.InDisposal)
        {
            return CaseErrors.WrongState("回退", Status);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return CaseErrors.ReasonRequired;
        }

        var department = DepartmentId;
        DepartmentId = null;
        DisposalDeadline = null;
        return Step(actor, now, CaseAction.Returned, CaseStatus.PendingDispatch, stageDeadline, reason, department);
    }

    /// <summary>延期 approved: a later disposal deadline.</summary>
    public Result Extend(Actor actor, DateTimeOffset now, DateTimeOffset newDeadline, string? comment)
    {
        if (Status != CaseStatus.InDisposal)
        {
            return CaseErrors.WrongState("延期", Status);
        }

        if (DisposalDeadline is { } current && newDeadline <= current)
        {
            return CaseErrors.NewDeadlineNotLater;
        }

        DisposalDeadline = newDeadline;
        return Step(actor, now, CaseAction.Extended, CaseStatus.InDisposal, newDeadline, comment ?? $"新期限 {newDeadline:O}", DepartmentId);
    }

    /// <summary>A line in the timeline that leaves the status as it is (a task done, a warning, a note).</summary>
    public Result Note(Actor actor, DateTimeOffset now, CaseAction action, string? comment)
    {
        if (!Informational.Contains(action))
        {
            return CaseErrors.NotInformational;
        }

        if (comment is { Length: > CaseHistoryEntry.CommentMaxLength })
        {
            return CaseErrors.CommentTooLong;
        }

        Record(now, actor, action, Status, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), DepartmentId);
        return Result.Success();
    }
}

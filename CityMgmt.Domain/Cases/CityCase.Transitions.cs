using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Cases;

/// <summary>
/// The core steps of the loop. Each checks the current status, changes state and writes history.
/// Who may take a step (role, data scope) is checked by the service before calling these.
/// </summary>
public sealed partial class CityCase
{
    /// <summary>受理: the operator registers the report; outside reports go to 核实 first.</summary>
    public Result Register(Actor actor, DateTimeOffset now, DateTimeOffset stageDeadline)
    {
        if (Status != CaseStatus.Reported)
        {
            return CaseErrors.WrongState("受理", Status);
        }

        StageDeadline = stageDeadline;
        var next = Source.NeedsVerification() ? CaseStatus.PendingVerification : CaseStatus.PendingFiling;
        Record(now, actor, CaseAction.Registered, next);
        return Result.Success();
    }

    /// <summary>核实: a supervisor confirms on site that the problem exists.</summary>
    public Result ConfirmVerification(Actor actor, DateTimeOffset now, DateTimeOffset stageDeadline, string? comment = null)
    {
        if (Status != CaseStatus.PendingVerification)
        {
            return CaseErrors.WrongState("核实", Status);
        }

        return Step(actor, now, CaseAction.Verified, CaseStatus.PendingFiling, stageDeadline, comment);
    }

    /// <summary>立案.</summary>
    public Result File(Actor actor, DateTimeOffset now, DateTimeOffset stageDeadline, string? comment = null)
    {
        if (Status != CaseStatus.PendingFiling)
        {
            return CaseErrors.WrongState("立案", Status);
        }

        FiledAt = now;
        return Step(actor, now, CaseAction.Filed, CaseStatus.PendingDispatch, stageDeadline, comment);
    }

    /// <summary>不予立案, with a reason.</summary>
    public Result RejectFiling(Actor actor, DateTimeOffset now, string reason)
    {
        if (Status is not (CaseStatus.PendingFiling or CaseStatus.PendingVerification))
        {
            return CaseErrors.WrongState("不予立案", Status);
        }

        return string.IsNullOrWhiteSpace(reason)
            ? CaseErrors.ReasonRequired
            : Step(actor, now, CaseAction.NotFiled, CaseStatus.NotFiled, null, reason);
    }

    /// <summary>派遣: the disposal clock starts with the category's 处置时限 computed by the caller.</summary>
    public Result Dispatch(Actor actor, DateTimeOffset now, Guid departmentId, DateTimeOffset disposalDeadline, string? comment = null)
    {
        if (Status != CaseStatus.PendingDispatch)
        {
            return CaseErrors.WrongState("派遣", Status);
        }

        if (departmentId == Guid.Empty)
        {
            return CaseErrors.DepartmentRequired;
        }

        if (disposalDeadline <= now)
        {
            return CaseErrors.DeadlineInPast;
        }

        DepartmentId = departmentId;
        DispatchedAt = now;
        DisposalDeadline = disposalDeadline;
        return Step(actor, now, CaseAction.Dispatched, CaseStatus.InDisposal, disposalDeadline, comment, departmentId);
    }

    /// <summary>处理反馈: the department reports the problem fixed.</summary>
    public Result ReportDisposal(Actor actor, DateTimeOffset now, DateTimeOffset checkDeadline, string? comment = null)
    {
        if (Status != CaseStatus.InDisposal)
        {
            return CaseErrors.WrongState("处置反馈", Status);
        }

        return Step(actor, now, CaseAction.DisposalReported, CaseStatus.PendingCheck, checkDeadline, comment, DepartmentId);
    }

    /// <summary>核查通过.</summary>
    public Result PassCheck(Actor actor, DateTimeOffset now, DateTimeOffset closeDeadline, string? comment = null)
    {
        if (Status != CaseStatus.PendingCheck)
        {
            return CaseErrors.WrongState("核查", Status);
        }

        return Step(actor, now, CaseAction.CheckPassed, CaseStatus.PendingClose, closeDeadline, comment);
    }

    /// <summary>核查不通过 → 返工: back to the same department, counted against it.</summary>
    public Result FailCheck(Actor actor, DateTimeOffset now, string reason)
    {
        if (Status != CaseStatus.PendingCheck)
        {
            return CaseErrors.WrongState("核查", Status);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return CaseErrors.ReasonRequired;
        }

        ReworkCount++;
        return Step(actor, now, CaseAction.CheckFailed, CaseStatus.InDisposal, DisposalDeadline, reason, DepartmentId);
    }

    /// <summary>结案; closing after the disposal deadline is 超时结案 whatever was asked.</summary>
    public Result Close(Actor actor, DateTimeOffset now, ClosingKind kind, string? comment = null)
    {
        if (Status != CaseStatus.PendingClose && !(Status == CaseStatus.PendingFiling && Source == CaseSource.SelfHandled))
        {
            return CaseErrors.WrongState("结案", Status);
        }

        ClosingKind = kind == Cases.ClosingKind.Normal && DisposalDeadline is { } d && d < now ? Cases.ClosingKind.Overdue : kind;
        ClosedAt = now;
        return Step(actor, now, CaseAction.Closed, CaseStatus.Closed, null, ClosingKind.Value.DisplayName() + (comment is null ? null : "：" + comment));
    }

    /// <summary>作废 (approved by the shift leader): duplicates and invalid reports.</summary>
    public Result Cancel(Actor actor, DateTimeOffset now, string reason)
    {
        if (Status.IsFinal())
        {
            return CaseErrors.WrongState("作废", Status);
        }

        return string.IsNullOrWhiteSpace(reason)
            ? CaseErrors.ReasonRequired
            : Step(actor, now, CaseAction.Cancelled, CaseStatus.Cancelled, null, reason);
    }

    public Result AddAttachment(Actor actor, DateTimeOffset now, AttachmentStage stage, string fileName, string contentHash, string contentType, long sizeBytes)
    {
        if (string.IsNullOrWhiteSpace(fileName) || contentHash is not { Length: 64 } || sizeBytes <= 0)
        {
            return CaseErrors.AttachmentInvalid;
        }

        if (_attachments.Count(a => a.Stage == stage) >= MaxAttachmentsPerStage)
        {
            return CaseErrors.TooManyAttachments;
        }

        _attachments.Add(new CaseAttachment(Id, stage, fileName.Trim(), contentHash, contentType, sizeBytes, now, actor.UserId));
        Record(now, actor, CaseAction.AttachmentAdded, Status, fileName.Trim());
        return Result.Success();
    }

    private Result Step(Actor actor, DateTimeOffset now, CaseAction action, CaseStatus to, DateTimeOffset? stageDeadline, string? comment, Guid? departmentId = null)
    {
        if (comment is { Length: > CaseHistoryEntry.CommentMaxLength })
        {
            return CaseErrors.CommentTooLong;
        }

        StageDeadline = stageDeadline;
        Record(now, actor, action, to, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), departmentId);
        return Result.Success();
    }
}

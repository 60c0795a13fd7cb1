using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Cases;

/// <summary>合并 (重复上报): a report still waiting at 受理 is merged into the open case that already covers the problem.</summary>
public sealed partial class CityCase
{
    /// <summary>
    /// Ends this case as 已合并 and writes a line on both cases naming the other. The target keeps its status;
    /// this case keeps its photos and timeline, readable through its own number.
    /// </summary>
    public Result MergeInto(Actor actor, DateTimeOffset now, CityCase target, string? comment)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (Status != CaseStatus.Reported)
        {
            return CaseErrors.WrongState("合并", Status);
        }

        if (target.Id == Id)
        {
            return CaseErrors.MergeIntoSelf;
        }

        if (target.Status.IsFinal())
        {
            return CaseErrors.MergeTargetFinal(target.Status);
        }

        if (target.CategoryId != CategoryId)
        {
            return CaseErrors.MergeOtherClass;
        }

        var note = string.IsNullOrWhiteSpace(comment) ? null : "，" + comment.Trim();
        if ((note?.Length ?? 0) + 60 > CaseHistoryEntry.CommentMaxLength)
        {
            return CaseErrors.CommentTooLong;
        }

        MergedIntoId = target.Id;
        StageDeadline = null;
        Record(now, actor, CaseAction.MergedInto, CaseStatus.Merged, $"重复上报，已合并至案件{target.Number.Value}{note}");
        target.Record(now, actor, CaseAction.DuplicateMerged, target.Status, $"合并重复上报案件{Number.Value}（{Source.DisplayName()}）{note}", target.DepartmentId);
        return Result.Success();
    }
}

using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Cases;

/// <summary>挂账 (park) and 挂账恢复 (resume): a long-term problem leaves the disposal clock standing still.</summary>
public sealed partial class CityCase
{
    /// <summary>挂账 approved by the dispatcher: the case waits, its deadline is kept to be moved on resume.</summary>
    public Result Park(Actor actor, DateTimeOffset now, string? comment)
    {
        if (Status != CaseStatus.InDisposal)
        {
            return CaseErrors.WrongState("挂账", Status);
        }

        return Step(actor, now, CaseAction.Parked, CaseStatus.Parked, null, comment, DepartmentId);
    }

    /// <summary>
    /// 挂账恢复: back to the same department with <paramref name="newDeadline"/>, which the caller computes
    /// as the working time that was left when the case was parked, counted from now.
    /// </summary>
    public Result Resume(Actor actor, DateTimeOffset now, DateTimeOffset newDeadline, string? comment)
    {
        if (Status != CaseStatus.Parked)
        {
            return CaseErrors.WrongState("挂账恢复", Status);
        }

        if (newDeadline <= now)
        {
            return CaseErrors.DeadlineInPast;
        }

        DisposalDeadline = newDeadline;
        return Step(actor, now, CaseAction.Resumed, CaseStatus.InDisposal, newDeadline, comment, DepartmentId);
    }
}

using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Cases;

/// <summary>One immutable line of a case's timeline. Written in the same transaction as the change it records.</summary>
public sealed class CaseHistoryEntry : Entity, IAppendOnly
{
    public const int CommentMaxLength = 1000;

    private CaseHistoryEntry()
    {
    }

    internal CaseHistoryEntry(Guid caseId, int sequence, DateTimeOffset at, Actor actor, CaseAction action, CaseStatus from, CaseStatus to, string? comment, Guid? departmentId)
    {
        CaseId = caseId;
        Sequence = sequence;
        At = at;
        ActorId = actor.UserId;
        ActorName = actor.Name;
        ActorRole = actor.Role;
        Action = action;
        FromStatus = from;
        ToStatus = to;
        Comment = comment;
        DepartmentId = departmentId;
    }

    public Guid CaseId { get; private set; }

    /// <summary>1, 2, 3 … within the case: the timeline's order even when two steps share a timestamp.</summary>
    public int Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string ActorId { get; private set; } = string.Empty;

    public string ActorName { get; private set; } = string.Empty;

    public string ActorRole { get; private set; } = string.Empty;

    public CaseAction Action { get; private set; }

    public CaseStatus FromStatus { get; private set; }

    public CaseStatus ToStatus { get; private set; }

    public string? Comment { get; private set; }

    /// <summary>The department concerned (dispatched to, returned from …), when any.</summary>
    public Guid? DepartmentId { get; private set; }
}

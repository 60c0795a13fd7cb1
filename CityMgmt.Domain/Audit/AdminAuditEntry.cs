using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Audit;

/// <summary>管理操作日志: every change an administrator makes (users, roles, calendar, categories …). Append-only.</summary>
public sealed class AdminAuditEntry : Entity, IAppendOnly
{
    private AdminAuditEntry()
    {
    }

    public AdminAuditEntry(DateTimeOffset at, string actorId, string actorName, string action, string target, string? detail)
    {
        At = at;
        ActorId = actorId;
        ActorName = LoginAuditEntry.Cut(actorName, 64) ?? string.Empty;
        Action = LoginAuditEntry.Cut(action, 64) ?? string.Empty;
        Target = LoginAuditEntry.Cut(target, 128) ?? string.Empty;
        Detail = LoginAuditEntry.Cut(detail, 2000);
    }

    public DateTimeOffset At { get; private set; }

    public string ActorId { get; private set; } = string.Empty;

    public string ActorName { get; private set; } = string.Empty;

    /// <summary>What was done, in Chinese (e.g. "新建用户", "重置密码").</summary>
    public string Action { get; private set; } = string.Empty;

    /// <summary>What it was done to (e.g. a user name, a date, a category code).</summary>
    public string Target { get; private set; } = string.Empty;

    public string? Detail { get; private set; }
}

using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Audit;

public enum LoginEventKind
{
    Success,
    Failure,
    LockedOut,
    Logout,
    IdleTimeout,
}

public static class LoginEventKindNames
{
    public static string DisplayName(this LoginEventKind kind) => kind switch
    {
        LoginEventKind.Success => "登录成功",
        LoginEventKind.Failure => "登录失败",
        LoginEventKind.LockedOut => "账号锁定",
        LoginEventKind.Logout => "退出登录",
        LoginEventKind.IdleTimeout => "超时退出",
        _ => kind.ToString(),
    };
}

/// <summary>登录日志: every sign-in attempt and sign-out. Append-only.</summary>
public sealed class LoginAuditEntry : Entity, IAppendOnly
{
    private LoginAuditEntry()
    {
    }

    public LoginAuditEntry(DateTimeOffset at, LoginEventKind kind, string userName, string? userId, string? ipAddress, string? userAgent, string? detail = null)
    {
        At = at;
        Kind = kind;
        UserName = Cut(userName, 64) ?? string.Empty;
        UserId = userId;
        IpAddress = Cut(ipAddress, 64);
        UserAgent = Cut(userAgent, 256);
        Detail = Cut(detail, 256);
    }

    public DateTimeOffset At { get; private set; }

    public LoginEventKind Kind { get; private set; }

    public string UserName { get; private set; } = string.Empty;

    public string? UserId { get; private set; }

    public string? IpAddress { get; private set; }

    public string? UserAgent { get; private set; }

    public string? Detail { get; private set; }

    internal static string? Cut(string? text, int max) => text is null ? null : text.Length <= max ? text : text[..max];
}

using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Organisation;

namespace CityMgmt.Infrastructure.Organisation;

/// <summary>Who is acting: roles and data scope, resolved once per circuit from the signed-in user.</summary>
public sealed record StaffContext(
    string UserId,
    string UserName,
    string DisplayName,
    IReadOnlySet<string> Roles,
    DataScope Scope,
    string OrgName)
{
    public static readonly Error Forbidden = new("Auth.Forbidden", "您没有执行此操作的权限");

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsInAnyRole(params string[] roles) => roles.Any(Roles.Contains);

    public Actor ToActor() => new(UserId, DisplayName, Roles.FirstOrDefault(r => r != StaffRole.Admin) ?? Roles.FirstOrDefault() ?? string.Empty);

    public Result Require(params string[] roles) => IsInAnyRole(roles) ? Result.Success() : Forbidden;

    /// <summary>For reads behind a role-checked page: reaching one without the role is a bug, not a business case.</summary>
    public void EnsureRole(params string[] roles)
    {
        if (!IsInAnyRole(roles))
        {
            throw new UnauthorizedAccessException(Forbidden.Message);
        }
    }

    public string RoleNames => string.Join("、", Roles.Select(StaffRole.DisplayName));
}

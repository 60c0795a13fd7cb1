using CityMgmt.Domain.Common;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Audit;
using CityMgmt.Infrastructure.Identity;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityMgmt.Infrastructure.Organisation;

public sealed record UserRow(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, Guid? OrgUnitId, string OrgName, bool IsActive, bool IsLockedOut, DateTimeOffset? LastLoginAt);

public sealed record UserInput(string UserName, string DisplayName, IReadOnlyCollection<string> Roles, Guid? OrgUnitId, string? Password);

/// <summary>
/// 用户管理 for administrators. Each operation uses a fresh scope (UserManager holds a context, which
/// must not live as long as a Blazor circuit) and writes an admin audit line in the same save.
/// </summary>
public sealed class UserAdminService(IServiceScopeFactory scopes, IDbContextFactory<CityDbContext> factory, AuditLog audit, TimeProvider clock)
{
    public async Task<List<UserRow>> ListAsync(StaffContext actor, CancellationToken ct = default)
    {
        actor.EnsureRole(StaffRole.Admin);
        await using var db = factory.CreateDbContext();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var now = clock.GetUtcNow();
        return users.Select(u => new UserRow(
            u.Id, u.UserName!, u.DisplayName, roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList(),
            u.OrgUnitId, u.OrgUnitId is { } o ? units.GetValueOrDefault(o, "") : "（未分配）", u.IsActive, u.LockoutEnd > now, u.LastLoginAt)).ToList();
    }

    public async Task<Result> CreateAsync(StaffContext actor, UserInput input, CancellationToken ct = default)
    {
        var check = await ValidateAsync(actor, input, isNew: true, ct);
        if (check.IsFailure)
        {
            return check;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<CityDbContext>();
        db.AuditUserName = actor.UserName;
        if (await users.FindByNameAsync(input.UserName.Trim()) is not null)
        {
            return new Error("User.Duplicate", $"用户名“{input.UserName.Trim()}”已存在");
        }

        return await db.InTransactionAsync(
            async Task<Result> (token) =>
            {
                var user = new ApplicationUser
                {
                    UserName = input.UserName.Trim(),
                    DisplayName = input.DisplayName.Trim(),
                    OrgUnitId = input.OrgUnitId,
                    CreatedAt = clock.GetUtcNow(),
                };
                var created = await users.CreateAsync(user, input.Password!);
                if (!created.Succeeded)
                {
                    return IdentityErrors.From(created);
                }

                var roles = await users.AddToRolesAsync(user, input.Roles);
                if (!roles.Succeeded)
                {
                    return IdentityErrors.From(roles);
                }

                audit.Admin(db, actor, "新建用户", user.UserName, $"姓名：{user.DisplayName}；角色：{string.Join("、", input.Roles.Select(StaffRole.DisplayName))}");
                await db.SaveChangesAsync(token);
                return Result.Success();
            },
            ct);
    }

    public async Task<Result> UpdateAsync(StaffContext actor, string userId, UserInput input, bool isActive, CancellationToken ct = default)
    {
        var check = await ValidateAsync(actor, input, isNew: false, ct);
        if (check.IsFailure)
        {
            return check;
        }

        return await WithUserAsync(actor, userId, "修改用户", async (users, user) =>
        {
            if (user.Id == actor.UserId && (!isActive || !input.Roles.Contains(StaffRole.Admin)))
            {
                return new Error("User.SelfLockout", "不能停用自己的账号或去掉自己的管理员角色");
            }

            user.DisplayName = input.DisplayName.Trim();
            user.OrgUnitId = input.OrgUnitId;
            user.IsActive = isActive;
            var current = await users.GetRolesAsync(user);
            var removed = await users.RemoveFromRolesAsync(user, current.Except(input.Roles));
            var added = removed.Succeeded ? await users.AddToRolesAsync(user, input.Roles.Except(current)) : removed;
            var updated = added.Succeeded ? await users.UpdateSecurityStampAsync(user) : added;
            return updated.Succeeded
                ? Result.Success<string?>($"姓名：{user.DisplayName}；角色：{string.Join("、", input.Roles.Select(StaffRole.DisplayName))}；{(isActive ? "启用" : "停用")}")
                : IdentityErrors.From(updated);
        }, ct);
    }

    public Task<Result> ResetPasswordAsync(StaffContext actor, string userId, string newPassword, CancellationToken ct = default) =>
        WithUserAsync(actor, userId, "重置密码", async (users, user) =>
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, newPassword);
            return reset.Succeeded ? Result.Success<string?>(null) : IdentityErrors.From(reset);
        }, ct);

    public Task<Result> UnlockAsync(StaffContext actor, string userId, CancellationToken ct = default) =>
        WithUserAsync(actor, userId, "解除锁定", async (users, user) =>
        {
            await users.SetLockoutEndDateAsync(user, null);
            var reset = await users.ResetAccessFailedCountAsync(user);
            return reset.Succeeded ? Result.Success<string?>(null) : IdentityErrors.From(reset);
        }, ct);

    private async Task<Result> WithUserAsync(
        StaffContext actor, string userId, string action, Func<UserManager<ApplicationUser>, ApplicationUser, Task<Result<string?>>> change, CancellationToken ct)
    {
        var allowed = actor.Require(StaffRole.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<CityDbContext>();
        db.AuditUserName = actor.UserName;
        return await db.InTransactionAsync(
            async Task<Result> (token) =>
            {
                var user = await users.FindByIdAsync(userId);
                if (user is null)
                {
                    return new Error("User.NotFound", "用户不存在");
                }

                var result = await change(users, user);
                if (result.IsFailure)
                {
                    return result.Error;
                }

                audit.Admin(db, actor, action, user.UserName!, result.Value);
                await db.SaveChangesAsync(token);
                return Result.Success();
            },
            ct);
    }

    private async Task<Result> ValidateAsync(StaffContext actor, UserInput input, bool isNew, CancellationToken ct)
    {
        var allowed = actor.Require(StaffRole.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        var name = input.UserName?.Trim() ?? string.Empty;
        if (isNew && (name.Length is < 2 or > 32 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-')))
        {
            return new Error("User.InvalidName", "用户名为2-32位字母、数字、下划线、点或连字符");
        }

        if (string.IsNullOrWhiteSpace(input.DisplayName) || input.DisplayName.Trim().Length > ApplicationUser.DisplayNameMaxLength)
        {
            return new Error("User.InvalidDisplayName", "姓名不能为空且不超过30个字");
        }

        if (input.Roles.Count == 0)
        {
            return new Error("User.NoRole", "请至少选择一个角色");
        }

        if (input.Roles.FirstOrDefault(r => !StaffRole.IsKnown(r)) is { } unknown)
        {
            return OrgErrors.UnknownRole with { Message = $"未知的角色“{unknown}”" };
        }

        if (isNew && string.IsNullOrEmpty(input.Password))
        {
            return new Error("User.PasswordRequired", "请设置初始密码");
        }

        await using var db = factory.CreateDbContext();
        var unit = input.OrgUnitId is { } id ? await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) : null;
        if (unit is null && !input.Roles.All(r => r == StaffRole.Admin))
        {
            return OrgErrors.NoOrgUnit;
        }

        return input.Roles.Contains(StaffRole.Handler) && unit?.Kind != OrgUnitKind.Department
            ? OrgErrors.HandlerNeedsDepartment
            : Result.Success();
    }
}

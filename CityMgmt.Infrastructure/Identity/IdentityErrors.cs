using CityMgmt.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace CityMgmt.Infrastructure.Identity;

/// <summary>Turns Identity's results into our one Error type (messages already Chinese via <see cref="ChineseIdentityErrorDescriber"/>).</summary>
public static class IdentityErrors
{
    public static Error From(IdentityResult result) =>
        new("Identity." + (result.Errors.FirstOrDefault()?.Code ?? "Failed"), string.Join("；", result.Errors.Select(e => e.Description)));
}

/// <summary>Identity's validation messages in Chinese.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码至少{length}位" };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "密码必须包含数字" };

    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "密码必须包含小写字母" };

    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "密码必须包含大写字母" };

    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "密码必须包含特殊字符" };

    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "原密码不正确" };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"用户名“{userName}”已存在" };

    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"用户名“{userName}”无效" };

    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = "操作已过期，请重试" };

    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "数据已被他人修改，请刷新后重试" };

    public override IdentityError UserAlreadyInRole(string role) => new() { Code = nameof(UserAlreadyInRole), Description = "用户已有该角色" };

    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "操作失败" };
}

using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Identity;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Infrastructure.Admin;

public class UserAdminServiceTests
{
    private const string GoodPassword = "Chengguan2026";

    [Fact]
    public async Task CreateAsync_ValidInput_UserListedWithRolesAndOrg()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var centre = await UnitAsync(services, "CENTRE");

        var result = await services.Get<UserAdminService>().CreateAsync(admin,
            new UserInput("jdy2", "孙监督", [StaffRole.Supervisor, StaffRole.Operator], centre.Id, GoodPassword));

        result.IsSuccess.ShouldBeTrue();
        var user = (await services.Get<UserAdminService>().ListAsync(await services.StaffAsync("admin"))).Single(u => u.UserName == "jdy2");
        user.DisplayName.ShouldBe("孙监督");
        user.Roles.ShouldBe([StaffRole.Supervisor, StaffRole.Operator], ignoreOrder: true);
        user.OrgName.ShouldBe(centre.Name);
        user.IsActive.ShouldBeTrue();
        user.IsLockedOut.ShouldBeFalse();
    }

    [Fact]
    public async Task CreateAsync_NewUser_WritesAuditRow()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var centre = await UnitAsync(services, "CENTRE");

        await services.Get<UserAdminService>().CreateAsync(admin, new UserInput("jdy2", "孙监督", [StaffRole.Supervisor], centre.Id, GoodPassword));

        await using var db = services.NewDb();
        var entry = await db.AdminAudit.SingleAsync(e => e.Action == "新建用户");
        entry.Target.ShouldBe("jdy2");
        entry.Detail!.ShouldContain("监督员");
    }

    [Theory]
    [InlineData("short1A", "密码至少8位")]
    [InlineData("alllowercase1", "密码必须包含大写字母")]
    [InlineData("NoDigitsHere", "密码必须包含数字")]
    public async Task CreateAsync_WeakPassword_RefusedWithChineseMessage(string password, string message)
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var centre = await UnitAsync(services, "CENTRE");

        var result = await services.Get<UserAdminService>().CreateAsync(admin, new UserInput("jdy2", "孙监督", [StaffRole.Supervisor], centre.Id, password));

        result.IsFailure.ShouldBeTrue();
        result.Error.Message.ShouldContain(message);
        (await services.Get<UserAdminService>().ListAsync(await services.StaffAsync("admin"))).ShouldNotContain(u => u.UserName == "jdy2");
    }

    [Fact]
    public async Task CreateAsync_HandlerOutsideDepartment_Refused()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var centre = await UnitAsync(services, "CENTRE");

        var result = await services.Get<UserAdminService>().CreateAsync(admin, new UserInput("cz2", "钱处置", [StaffRole.Handler], centre.Id, GoodPassword));

        result.Error.ShouldBe(OrgErrors.HandlerNeedsDepartment);
    }

    [Fact]
    public async Task CreateAsync_NonAdmin_RefusedAndNoAudit()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var shiftLeader = await services.StaffAsync("zbz");
        var centre = await UnitAsync(services, "CENTRE");

        var result = await services.Get<UserAdminService>().CreateAsync(shiftLeader, new UserInput("jdy2", "孙监督", [StaffRole.Supervisor], centre.Id, GoodPassword));

        result.Error.ShouldBe(StaffContext.Forbidden);
        await using var db = services.NewDb();
        (await db.Users.AnyAsync(u => u.UserName == "jdy2")).ShouldBeFalse();
        (await db.AdminAudit.AnyAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task UpdateAsync_NewNameAndDeactivated_SavedAndAudited()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var jdy = await UserAsync(services, "jdy");

        var result = await services.Get<UserAdminService>().UpdateAsync(admin, jdy.Id,
            new UserInput(jdy.UserName, "张监督(已调岗)", jdy.Roles.ToList(), jdy.OrgUnitId, null), isActive: false);

        result.IsSuccess.ShouldBeTrue();
        var after = await UserAsync(services, "jdy");
        after.DisplayName.ShouldBe("张监督(已调岗)");
        after.IsActive.ShouldBeFalse();
        await using var db = services.NewDb();
        (await db.AdminAudit.SingleAsync(e => e.Action == "修改用户")).Detail!.ShouldContain("停用");
    }

    [Fact]
    public async Task UpdateAsync_AdminRemovesOwnAdminRole_Refused()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var self = await UserAsync(services, "admin");

        var result = await services.Get<UserAdminService>().UpdateAsync(admin, self.Id,
            new UserInput(self.UserName, self.DisplayName, [StaffRole.Leader], self.OrgUnitId, null), isActive: true);

        result.IsFailure.ShouldBeTrue();
        result.Error.Message.ShouldBe("不能停用自己的账号或去掉自己的管理员角色");
        (await UserAsync(services, "admin")).Roles.ShouldContain(StaffRole.Admin);
    }

    [Fact]
    public async Task ResetPasswordAsync_WeakPassword_RefusedWithChineseMessage()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var jdy = await UserAsync(services, "jdy");

        var result = await services.Get<UserAdminService>().ResetPasswordAsync(admin, jdy.Id, "abc");

        result.IsFailure.ShouldBeTrue();
        result.Error.Message.ShouldStartWith("密码");
    }

    [Fact]
    public async Task ResetPasswordAsync_StrongPassword_NewPasswordWorksAndAudited()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var jdy = await UserAsync(services, "jdy");

        var result = await services.Get<UserAdminService>().ResetPasswordAsync(admin, jdy.Id, GoodPassword);

        result.IsSuccess.ShouldBeTrue();
        var users = services.Get<UserManager<ApplicationUser>>();
        (await users.CheckPasswordAsync((await users.FindByNameAsync("jdy"))!, GoodPassword)).ShouldBeTrue();
        await using var db = services.NewDb();
        (await db.AdminAudit.SingleAsync(e => e.Action == "重置密码")).Target.ShouldBe("jdy");
    }

    [Fact]
    public async Task UnlockAsync_LockedUser_ClearsLockoutAndAudits()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var users = services.Get<UserManager<ApplicationUser>>();
        var sly = (await users.FindByNameAsync("sly"))!;
        await users.SetLockoutEndDateAsync(sly, DateTimeOffset.UtcNow.AddMinutes(15));
        (await UserAsync(services, "sly")).IsLockedOut.ShouldBeTrue();

        var result = await services.Get<UserAdminService>().UnlockAsync(admin, sly.Id);

        result.IsSuccess.ShouldBeTrue();
        (await UserAsync(services, "sly")).IsLockedOut.ShouldBeFalse();
        await using var db = services.NewDb();
        (await db.AdminAudit.SingleAsync(e => e.Action == "解除锁定")).Target.ShouldBe("sly");
    }

    [Fact]
    public async Task UnlockAsync_NonAdmin_LeavesUserLocked()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var leader = await services.StaffAsync("ld");
        var users = services.Get<UserManager<ApplicationUser>>();
        var sly = (await users.FindByNameAsync("sly"))!;
        await users.SetLockoutEndDateAsync(sly, DateTimeOffset.UtcNow.AddMinutes(15));

        var result = await services.Get<UserAdminService>().UnlockAsync(leader, sly.Id);

        result.Error.ShouldBe(StaffContext.Forbidden);
        (await UserAsync(services, "sly")).IsLockedOut.ShouldBeTrue();
    }

    private static async Task<OrgUnit> UnitAsync(TestServices services, string code) =>
        (await services.Get<BaseDataQueries>().OrgUnitsAsync()).Single(o => o.Code == code);

    private static async Task<UserRow> UserAsync(TestServices services, string userName) =>
        (await services.Get<UserAdminService>().ListAsync(await services.StaffAsync("admin"))).Single(u => u.UserName == userName);
}

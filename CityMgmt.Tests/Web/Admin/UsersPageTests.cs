using Bunit;
using CityMgmt.Infrastructure.Identity;
using CityMgmt.Tests.Support;
using CityMgmt.Web.Components.Pages.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace CityMgmt.Tests.Web.Admin;

public class UsersPageTests
{
    [Fact]
    public async Task Render_AsAdmin_ListsDemoUsersWithChineseRolesAndStatus()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var users = services.Get<UserManager<ApplicationUser>>();
        var jdy = (await users.FindByNameAsync("jdy"))!;
        jdy.LastLoginAt = TestClock.MondayMorning;
        await users.UpdateAsync(jdy);
        await using var ctx = await BunitHost.CreateAsync(services, "admin");

        var cut = ctx.Render<UsersPage>();

        cut.WaitForAssertion(() => cut.Markup.ShouldContain("jdy"));
        Cells(cut, "jdy").Take(7).ShouldBe(["jdy", "张监督", "监督员", "示范县数字化城市管理监督指挥中心", "启用", "否", "2026-03-02 10:00"]);
        Cells(cut, "hwcz").Take(4).ShouldBe(["hwcz", "吴处置(环卫)", "处置人员", "县环境卫生管理所"]);
        cut.FindAll("[data-testid^=user-unlock-]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Search_ByDisplayName_KeepsOnlyMatchingUsers()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "admin");
        var cut = ctx.Render<UsersPage>();
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("jdy"));

        cut.Find("input[data-testid=user-search]").Input("处置");

        cut.WaitForAssertion(() => cut.FindAll("tbody tr").Count.ShouldBe(2));
        cut.Markup.ShouldContain("czry");
        cut.Markup.ShouldContain("hwcz");
        cut.Markup.ShouldNotContain("张监督");
    }

    [Fact]
    public async Task Unlock_LockedUser_ButtonShownThenLockGone()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var users = services.Get<UserManager<ApplicationUser>>();
        await users.SetLockoutEndDateAsync((await users.FindByNameAsync("sly"))!, DateTimeOffset.UtcNow.AddMinutes(15));
        await using var ctx = await BunitHost.CreateAsync(services, "admin");
        var cut = ctx.Render<UsersPage>();
        cut.WaitForAssertion(() => Cells(cut, "sly")[5].ShouldBe("是"));

        await cut.Find("[data-testid=user-unlock-sly]").ClickAsync(new());

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=user-unlock-sly]").ShouldBeEmpty());
        Cells(cut, "sly")[5].ShouldBe("否");
        ctx.Snackbars().ShouldContain("已解除 sly 的锁定");
    }

    [Fact]
    public async Task EditDialog_NewDisplayName_SavedAndShownInTable()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "admin");
        var cut = ctx.Render(AdminPageHost.WithProviders<UsersPage>());
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("jdy"));

        cut.Find("[data-testid=user-edit-jdy]").Click();
        cut.WaitForAssertion(() => cut.Find("input[data-testid=user-display-name]").GetAttribute("value").ShouldBe("张监督"));
        cut.Find("input[data-testid=user-display-name]").Change("张监督(北片)");
        await cut.Find("[data-testid=user-save]").ClickAsync(new());

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=user-dialog]").ShouldBeEmpty());
        cut.WaitForAssertion(() => Cells(cut, "jdy")[1].ShouldBe("张监督(北片)"));
        ctx.Snackbars().ShouldContain("用户已保存");
    }

    [Fact]
    public async Task ResetPasswordDialog_WeakPassword_ShowsChineseErrorAndStaysOpen()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "admin");
        var cut = ctx.Render(AdminPageHost.WithProviders<UsersPage>());
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("jdy"));

        cut.Find("[data-testid=user-password-jdy]").Click();
        cut.WaitForAssertion(() => cut.Find("input[data-testid=password-new]"));
        cut.Find("input[data-testid=password-new]").Change("abcdefgh");
        cut.Find("input[data-testid=password-confirm]").Change("abcdefgh");
        await cut.Find("[data-testid=password-save]").ClickAsync(new());

        cut.WaitForAssertion(() => ctx.Snackbars().ShouldContain(m => m.Contains("密码必须包含大写字母")));
        cut.Find("input[data-testid=password-new]").GetAttribute("value").ShouldBe("abcdefgh");
    }

    private static List<string> Cells<T>(IRenderedComponent<T> cut, string userName)
        where T : IComponent =>
        cut.FindAll("tbody tr")
            .Single(r => r.QuerySelector("td")?.TextContent.Trim() == userName)
            .QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
}

using CityMgmt.Domain.Audit;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Identity;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityMgmt.Tests.E2E;

[Collection(AppCollection.Name)]
public class LoginTests(AppServer app)
{
    public static TheoryData<string, string, string[], string[]> Roles => new()
    {
        // user, chip text, menu entries that must show, menu groups that must not
        { "jdy", "张监督（监督员）", ["无线数据采集", "问题上报", "案件查询"], ["应用维护", "基础数据资源管理"] },
        { "sly", "李受理（受理员）", ["监督中心受理", "受理队列", "单元网格"], ["应用维护", "无线数据采集"] },
        { "zbz", "王值班（值班长）", ["受理队列", "评价排名"], ["应用维护", "无线数据采集"] },
        { "pqy", "赵派遣（派遣员）", ["协同工作", "督办", "城市部件"], ["应用维护", "综合评价"] },
        { "czry", "刘处置（处置人员）", ["待办任务", "案件查询"], ["应用维护", "基础数据资源管理", "受理队列"] },
        { "ld", "陈领导（领导）", ["督办", "评价排名", "行政区划"], ["应用维护"] },
        { "admin", "系统管理员（系统管理员）", ["应用维护", "用户管理", "工作日历", "操作日志"], ["无线数据采集"] },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Login_EachDemoRole_SeesItsOwnMenu(string user, string chip, string[] visible, string[] hidden)
    {
        var page = await app.LoginAsync(user);

        (await page.InnerTextAsync("[data-testid=user-chip]")).ShouldContain(chip);
        var menu = await page.InnerTextAsync("[data-testid=nav-menu]");
        visible.ShouldAllBe(v => menu.Contains(v));
        hidden.ShouldAllBe(h => !menu.Contains(h));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsChineseErrorAndStaysOnLogin()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", "ld");
        await page.FillAsync("#password", "Wrong@2026");
        await page.ClickAsync("#login-submit");

        (await page.InnerTextAsync("[data-testid=login-error]")).ShouldBe("用户名或密码错误。");
        new Uri(page.Url).AbsolutePath.ShouldBe("/account/login");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        const string user = "locktest";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var db = scope.ServiceProvider.GetRequiredService<CityDbContext>();
            var centre = await db.OrgUnits.FirstAsync(o => o.Kind == OrgUnitKind.Centre);
            var created = new ApplicationUser { UserName = user, DisplayName = "锁定测试", OrgUnitId = centre.Id };
            (await users.CreateAsync(created, "Lock@2026x")).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(created, StaffRole.Leader)).Succeeded.ShouldBeTrue();
        }

        var page = await app.NewPageAsync();
        string? message = null;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.GotoAsync("/account/login");
            await page.FillAsync("#username", user);
            await page.FillAsync("#password", $"Wrong@{attempt}xx");
            await page.ClickAsync("#login-submit");
            message = await page.InnerTextAsync("[data-testid=login-error]");
            if (attempt < 5)
            {
                message.ShouldBe("用户名或密码错误。");
            }
        }

        message.ShouldStartWith("账号已锁定");
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", "Lock@2026x");
        await page.ClickAsync("#login-submit");
        (await page.InnerTextAsync("[data-testid=login-error]")).ShouldStartWith("账号已锁定");

        await using var check = app.Services.CreateAsyncScope();
        var audit = await check.ServiceProvider.GetRequiredService<CityDbContext>().LoginAudit
            .Where(a => a.UserName == user).OrderBy(a => a.At).Select(a => a.Kind).ToListAsync();
        audit.ShouldBe([LoginEventKind.Failure, LoginEventKind.Failure, LoginEventKind.Failure, LoginEventKind.Failure, LoginEventKind.LockedOut, LoginEventKind.LockedOut]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Logout_FromTheUserMenu_EndsTheSessionAndIsAudited()
    {
        var page = await app.LoginAsync("pqy");

        await page.ClickAsync("[data-testid=user-chip] button");
        await page.ClickAsync("[data-testid=logout]");
        await page.WaitForURLAsync("**/account/login?reason=logout");
        (await page.ContentAsync()).ShouldContain("您已安全退出");

        await page.GotoAsync("/");
        new Uri(page.Url).AbsolutePath.ShouldBe("/account/login");
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<CityDbContext>().LoginAudit.AnyAsync(a => a.UserName == "pqy" && a.Kind == LoginEventKind.Logout)).ShouldBeTrue();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Dashboard_AfterLogin_ShowsTheDatabaseCounts()
    {
        int open;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CityDbContext>();
            var final = new[] { CityMgmt.Domain.Cases.CaseStatus.Closed, CityMgmt.Domain.Cases.CaseStatus.Cancelled, CityMgmt.Domain.Cases.CaseStatus.NotFiled };
            open = await db.Cases.CountAsync(c => !final.Contains(c.Status));
        }

        var page = await app.LoginAsync("ld");

        (await page.InnerTextAsync("[data-testid=stat-open-value]")).ShouldBe(open.ToString("N0"));
        (await page.InnerTextAsync("[data-testid=base-data-totals]")).ShouldContain("单元网格");
        await page.Context.CloseAsync();
    }
}

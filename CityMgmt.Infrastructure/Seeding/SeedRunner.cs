using System.Diagnostics;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityMgmt.Infrastructure.Seeding;

/// <summary>
/// Start-up seeding. Demo mode: the fictional 示范县 with demo users. Production mode: only the code
/// lists and one administrator whose password must come from configuration (no default exists).
/// </summary>
public sealed class SeedRunner(
    IOptions<SeedOptions> options,
    CodeListSeeder codeLists,
    DemoCountySeeder demo,
    Workflows.StandardWorkflowSeeder workflows,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    TimeProvider clock,
    ILogger<SeedRunner> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await EnsureRolesAsync();
        await workflows.SeedAsync(ct);
        if (options.Value.Demo)
        {
            await demo.SeedAsync(ct);
        }
        else
        {
            await codeLists.SeedAsync(null, ct);
            await EnsureProductionAdminAsync();
        }

        logger.LogInformation("Seeding finished in {Seconds:F1} s", watch.Elapsed.TotalSeconds);
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in StaffRole.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), role);
            }
        }
    }

    private async Task EnsureProductionAdminAsync()
    {
        var name = options.Value.AdminUserName;
        if (await users.FindByNameAsync(name) is not null || (await users.GetUsersInRoleAsync(StaffRole.Admin)).Count > 0)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(options.Value.AdminPassword))
        {
            throw new InvalidOperationException(
                "生产模式首次启动需要配置初始管理员密码：请设置 Seed:AdminPassword（环境变量 Seed__AdminPassword）。系统不提供默认密码。");
        }

        var admin = new ApplicationUser { UserName = name, DisplayName = "系统管理员", CreatedAt = clock.GetUtcNow() };
        Check(await users.CreateAsync(admin, options.Value.AdminPassword), name);
        Check(await users.AddToRoleAsync(admin, StaffRole.Admin), name);
        logger.LogWarning("Created the first administrator '{Name}'. Change its password after the first login.", name);
    }

    internal static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding '{what}' failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}

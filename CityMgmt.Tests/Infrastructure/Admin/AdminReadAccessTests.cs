using CityMgmt.Infrastructure.Audit;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Tests.Support;

namespace CityMgmt.Tests.Infrastructure.Admin;

/// <summary>Admin-only reads re-check the role in the service, not only on the page.</summary>
public class AdminReadAccessTests
{
    [Fact]
    public async Task Reads_ByNonAdministrator_AreRefused()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var leader = await services.StaffAsync("ld");

        await Should.ThrowAsync<UnauthorizedAccessException>(() => services.Get<UserAdminService>().ListAsync(leader));
        await Should.ThrowAsync<UnauthorizedAccessException>(() => services.Get<AuditLog>().RecentLoginsAsync(leader, 10));
        await Should.ThrowAsync<UnauthorizedAccessException>(() => services.Get<AuditLog>().RecentAdminAsync(leader, 10));
    }

    [Fact]
    public async Task Reads_ByAdministrator_ListUsersWithTheirRoles()
    {
        await using var services = await TestServices.FromTemplateAsync();

        var users = await services.Get<UserAdminService>().ListAsync(await services.StaffAsync("admin"));

        users.Single(u => u.UserName == "czry").Roles.ShouldBe(["Handler"]);
    }
}

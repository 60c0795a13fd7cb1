using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Persistence.Providers;
using CityMgmt.Infrastructure.Seeding;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Infrastructure.Persistence;

public class MigrationTests
{
    [Fact]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigrationAndSeedsOnlyCodeListsAndAdmin()
    {
        await using var services = await TestServices.CreateEmptyAsync();
        await using var db = services.NewDb();

        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).Count().ShouldBe(db.Database.GetMigrations().Count());
        var file = CodeListSeeder.LoadStandardCategories();
        var expected = file.Component.Count + file.Event.Count + file.Component.Sum(m => m.Minors.Count) + file.Event.Sum(m => m.Minors.Count);
        (await db.Categories.CountAsync()).ShouldBe(expected);
        (await db.Grids.CountAsync()).ShouldBe(0);
        (await db.Cases.CountAsync()).ShouldBe(0);
        var admins = await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where r.Name == StaffRole.Admin
                            select u.UserName).ToListAsync();
        admins.ShouldBe(["admin"]);
        (await db.Users.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Migrate_ProductionWithoutAdminPassword_RefusesToStartWithAClearMessage()
    {
        var folder = TestServices.NewFolder();
        await using var services = TestServices.Build(folder, null, demo: false, new Dictionary<string, string?> { ["Seed:AdminPassword"] = "" });

        var error = await Should.ThrowAsync<InvalidOperationException>(services.MigrateAsync);

        error.Message.ShouldContain("Seed:AdminPassword");
        error.Message.ShouldContain("不提供默认密码");
    }

    [Fact]
    public async Task Migrate_Twice_ChangesNothing()
    {
        await using var services = await TestServices.CreateEmptyAsync();
        int Count(CityDbContext db) => db.Categories.Count() + db.Users.Count() + db.Roles.Count();
        int before;
        await using (var db = services.NewDb())
        {
            before = Count(db);
        }

        await services.MigrateAsync();

        await using var again = services.NewDb();
        Count(again).ShouldBe(before);
    }

    [Fact]
    public void Model_HasNoChangesMissingFromTheSqliteMigrations()
    {
        using var db = new SqliteCityDbContext(new DbContextOptionsBuilder<CityDbContext>().UseSqlite("Data Source=:memory:").Options);

        db.Database.HasPendingModelChanges().ShouldBeFalse("run dotnet ef migrations add for SqliteCityDbContext");
    }

    [Fact]
    public void Model_HasNoChangesMissingFromTheSqlServerMigrations()
    {
        using var db = new SqlServerCityDbContext(new DbContextOptionsBuilder<CityDbContext>().UseSqlServer("Server=unused;Database=unused").Options);

        db.Database.HasPendingModelChanges().ShouldBeFalse("run dotnet ef migrations add for SqlServerCityDbContext");
    }
}

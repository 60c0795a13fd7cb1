using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CityMgmt.Infrastructure.Persistence.Providers;

// Used only by `dotnet ef`: no server is contacted to add migrations or script them.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCityDbContext>
{
    public SqliteCityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CityDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerCityDbContext>
{
    public SqlServerCityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CityDbContext>().UseSqlServer("Server=.;Database=CityMgmt;Trusted_Connection=True").Options);
}

using CityMgmt.Infrastructure.Persistence.Converters;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Persistence.Providers;

/// <summary>SQLite: the embedded default. Owns Migrations/Sqlite.</summary>
public sealed class SqliteCityDbContext(DbContextOptions options) : CityDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}

/// <summary>SQL Server: the production provider. Owns Migrations/SqlServer.</summary>
public sealed class SqlServerCityDbContext(DbContextOptions options) : CityDbContext(options);

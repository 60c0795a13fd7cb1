using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Persistence.Converters;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Persistence.Providers;

/// <summary>SQLite: the embedded default. Owns Migrations/Sqlite.</summary>
public sealed class SqliteCityDbContext(DbContextOptions options) : CityDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // An FTS5 virtual table (created by hand in AddCaseSearchIndex); only inserted into and queried with MATCH.
        builder.Entity<CaseSearchEntry>(entry =>
        {
            entry.ToTable(CaseSearchIndex.Table);
            entry.HasKey(e => e.CaseId);
            entry.Property(e => e.CaseId).ValueGeneratedNever();
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}

/// <summary>SQL Server: the production provider. Owns Migrations/SqlServer.</summary>
public sealed class SqlServerCityDbContext(DbContextOptions options) : CityDbContext(options);

using CityMgmt.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityMgmt.Infrastructure.Persistence;

/// <summary>
/// Applies pending migrations of the configured provider, then seeds (code lists always; demo county
/// or the production administrator by mode). Runs before the app accepts requests.
/// </summary>
public sealed class DatabaseMigrator(
    IDbContextFactory<CityDbContext> factory,
    IOptions<DatabaseOptions> options,
    SeedRunner seeder,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStartup)
        {
            await using var db = factory.CreateDbContext();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s) on {Provider}: {Names}", pending.Count, options.Value.Provider, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }
        }

        if (options.Value.Provider == DatabaseProvider.Sqlite)
        {
            // Readers no longer wait for a writer: many staff browse while one saves.
            await using var db = factory.CreateDbContext();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

            // Cases written before the full-text index existed (or around EF) become searchable.
            var indexed = await Cases.CaseSearchIndex.FillMissingAsync(db, cancellationToken);
            if (indexed > 0)
            {
                logger.LogInformation("Full-text index: {Count} case(s) added", indexed);
            }
        }

        await seeder.RunAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

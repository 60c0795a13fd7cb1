using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CityMgmt.Infrastructure.Reports.Exports;

/// <summary>Removes exports past their retention (files and their download) at start and then every minute.</summary>
internal sealed class ExportCleanupService(IServiceScopeFactory scopes, TimeProvider time, ILogger<ExportCleanupService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var removed = await scope.ServiceProvider.GetRequiredService<ExportQueue>().RemoveExpiredAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Removed {Count} expired export file(s)", removed);
                }
            }
            catch (Exception e) when (e is IOException or DbUpdateException or SqliteException or InvalidOperationException)
            {
                // The first sweep may run before the migrator has created the table; the next one catches up.
                logger.LogWarning(e, "Sweeping expired exports failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

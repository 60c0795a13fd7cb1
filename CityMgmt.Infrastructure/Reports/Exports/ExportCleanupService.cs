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
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The next sweep catches up. Escaping, any error (once SQLitePCL's ArgumentOutOfRangeException from
                // sqlite3_prepare_v2 under load) would stop the whole host: BackgroundServiceExceptionBehavior.StopHost.
                logger.LogWarning(e, "Sweeping expired exports failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CityMgmt.Infrastructure.Reports.Exports;

/// <summary>Deletes expired export files at start and then every minute.</summary>
internal sealed class ExportCleanupService(ExportJobs jobs, TimeProvider time, ILogger<ExportCleanupService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var removed = jobs.RemoveExpired();
                if (removed > 0)
                {
                    logger.LogInformation("Removed {Count} expired export file(s)", removed);
                }
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Sweeping the exports folder failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

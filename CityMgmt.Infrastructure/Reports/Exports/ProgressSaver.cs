using CityMgmt.Domain.Exports;
using CityMgmt.Infrastructure.Persistence;

namespace CityMgmt.Infrastructure.Reports.Exports;

/// <summary>
/// Applies progress to the running export's row and saves it at most every <see cref="ExportWorker.SaveEvery"/>
/// (a 100,000-row list reports every 1,000 rows); every saved step is published to open pages.
/// </summary>
internal sealed class ProgressSaver(CityDbContext db, ExportJob job, ExportNotifier notifier, TimeProvider clock)
{
    private readonly Lock gate = new();
    private DateTimeOffset lastSaved = DateTimeOffset.MinValue;

    public void Report(long written, long? total, string text)
    {
        lock (gate)
        {
            job.Report(written, total, text);
            var now = clock.GetUtcNow();
            if (now - lastSaved < ExportWorker.SaveEvery && written != total)
            {
                return;
            }

            lastSaved = now;
            db.SaveChanges();
        }

        notifier.Publish(job.OwnerId, ExportJobView.From(job));
    }

    /// <summary>The final transition; the caller saves it together with its audit entry.</summary>
    public void Finish(Action<ExportJob> transition)
    {
        lock (gate)
        {
            transition(job);
        }
    }
}

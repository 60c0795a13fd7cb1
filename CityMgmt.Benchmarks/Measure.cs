using System.Diagnostics;

namespace CityMgmt.Benchmarks;

/// <summary>Small helpers for plain measured runs: wall time, allocations, peak memory, percentiles.</summary>
public static class Measure
{
    public static (TimeSpan Elapsed, long AllocatedBytes) Run(Action action)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        action();
        watch.Stop();
        return (watch.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    public static async Task<(TimeSpan Elapsed, long AllocatedBytes)> RunAsync(Func<Task> action)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await action();
        watch.Stop();
        return (watch.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    /// <summary>Peak working set of this process so far, in MiB (Linux: VmHWM).</summary>
    public static double PeakWorkingSetMiB()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / 1024.0 / 1024.0;
    }

    /// <summary>
    /// Resets the peak working set to the current one (Linux: writing 5 to /proc/self/clear_refs resets VmHWM), so a
    /// later <see cref="PeakWorkingSetMiB"/> is the peak of what ran in between; false where that is not possible.
    /// </summary>
    public static bool ResetPeakWorkingSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static double Percentile(IReadOnlyList<double> samples, double p)
    {
        var sorted = samples.Order().ToArray();
        var rank = (p / 100.0) * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }
}

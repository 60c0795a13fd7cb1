using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CityMgmt.Benchmarks;

/// <summary>Small helpers for plain measured runs: wall time, allocations, peak memory, percentiles.</summary>
public static partial class Measure
{
    /// <summary>
    /// CPU time the calling thread has used, in milliseconds (Linux CLOCK_THREAD_CPUTIME_ID; NaN elsewhere). On a
    /// shared machine a wall-clock sample includes the time other processes held the core; this one does not.
    /// </summary>
    public static double ThreadCpuMilliseconds()
    {
        if (!OperatingSystem.IsLinux() || clock_gettime(3, out var time) != 0)
        {
            return double.NaN;
        }

        return (time.Seconds * 1000.0) + (time.Nanoseconds / 1_000_000.0);
    }

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

    [LibraryImport("libc", SetLastError = false)]
    private static partial int clock_gettime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}

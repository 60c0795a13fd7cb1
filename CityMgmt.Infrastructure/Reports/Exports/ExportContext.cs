namespace CityMgmt.Infrastructure.Reports.Exports;

/// <summary>Handed to an export's work: the output stream, a scope for services, progress and cancellation.</summary>
public sealed class ExportContext
{
    private readonly Action<int, string?> report;

    internal ExportContext(Stream output, IServiceProvider services, Action<int, string?> report, CancellationToken cancellationToken)
    {
        Output = output;
        Services = services;
        this.report = report;
        CancellationToken = cancellationToken;
    }

    /// <summary>The file being written (seekable); do not dispose it.</summary>
    public Stream Output { get; }

    public IServiceProvider Services { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Sets the percent (clamped to 0–99 until the file is complete) and optionally the phase text.</summary>
    public void Report(int percent, string? phase = null) => report(percent, phase);

    /// <summary>Maps a step's own 0–100 progress onto <paramref name="from"/>–<paramref name="to"/> of the whole export.</summary>
    public IProgress<int> Step(string phase, int from = 0, int to = 100) =>
        new Relay<int>(p => report(from + ((to - from) * Math.Clamp(p, 0, 100) / 100), phase));

    /// <summary>Maps a running row count (as <c>ExcelStreamWriter</c> reports it) onto <paramref name="from"/>–<paramref name="to"/>.</summary>
    public IProgress<long> Rows(long expectedRows, string phase, int from = 0, int to = 100) =>
        new Relay<long>(rows => report(
            from + (int)((to - from) * Math.Min(1.0, rows / (double)Math.Max(1, expectedRows))),
            $"{phase}（{rows:N0} / {expectedRows:N0} 行）"));

    /// <summary>Reports synchronously on the worker thread (<see cref="Progress{T}"/> would post to a captured context).</summary>
    private sealed class Relay<T>(Action<T> action) : IProgress<T>
    {
        public void Report(T value) => action(value);
    }
}

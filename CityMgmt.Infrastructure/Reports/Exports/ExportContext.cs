using CityMgmt.Domain.Exports;
using CityMgmt.Infrastructure.Organisation;

namespace CityMgmt.Infrastructure.Reports.Exports;

/// <summary>Handed to an export writer: the job, its owner (roles re-read at start), the output file, services, progress.</summary>
public sealed class ExportContext
{
    private readonly Action<long, long?, string> report;

    internal ExportContext(ExportJob job, StaffContext owner, Stream output, IServiceProvider services, Action<long, long?, string> report, CancellationToken cancellationToken)
    {
        Job = job;
        Owner = owner;
        Output = output;
        Services = services;
        this.report = report;
        CancellationToken = cancellationToken;
    }

    public ExportJob Job { get; }

    public StaffContext Owner { get; }

    /// <summary>The file being written (seekable); do not dispose it.</summary>
    public Stream Output { get; }

    public IServiceProvider Services { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Written of total (rows or pages) and the text shown, e.g. "正在写入（12,000 / 100,000 行）".</summary>
    public void Report(long written, long? total, string text) => report(written, total, text);

    /// <summary>A running row count (as <c>ExcelStreamWriter</c> reports it) against the expected rows.</summary>
    public IProgress<long> Rows(long expected, string phase) =>
        new Relay<long>(rows => report(rows, expected, $"{phase}（{rows:N0} / {expected:N0} 行）"));

    /// <summary>Reports synchronously on the worker thread (<see cref="Progress{T}"/> would post to a captured context).</summary>
    internal sealed class Relay<T>(Action<T> action) : IProgress<T>
    {
        public void Report(T value) => action(value);
    }
}

/// <summary>Writes one kind of export; registered as a singleton, resolved by <see cref="Kind"/>.</summary>
public interface IExportWriter
{
    ExportKind Kind { get; }

    Task WriteAsync(ExportContext context);
}

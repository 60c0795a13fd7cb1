namespace CityMgmt.Benchmarks;

/// <summary>
/// One measured run. Implementations are discovered by reflection; each prints its figures and, where
/// the issue sets a goal, the ratio against a baseline measured in the same run.
/// </summary>
public interface IBenchmark
{
    /// <summary>Short name used on the command line, e.g. "geo".</summary>
    string Name { get; }

    string Description { get; }

    Task RunAsync(BenchmarkContext context);
}

/// <summary>What a run gets: a scratch folder, a writer for the report, and whether to use quick sizes.</summary>
public sealed record BenchmarkContext(string WorkFolder, TextWriter Out, bool Quick);

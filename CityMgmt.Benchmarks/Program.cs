using System.Reflection;
using CityMgmt.Benchmarks;

// Usage: dotnet run -c Release --project CityMgmt.Benchmarks -- [name ...] [--quick]
// With no name, lists the benchmarks. Record the figures in docs/benchmarks.md with the command used.
var quick = args.Contains("--quick");
var names = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
var all = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t))
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name)
    .ToList();

if (names.Count == 0)
{
    Console.WriteLine("Benchmarks (run with their names, add --quick for small sizes):");
    all.ForEach(b => Console.WriteLine($"  {b.Name,-12} {b.Description}"));
    return 0;
}

var unknown = names.Except(all.Select(b => b.Name), StringComparer.OrdinalIgnoreCase).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown benchmark(s): {string.Join(", ", unknown)}");
    return 2;
}

Console.WriteLine($"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} cores · .NET {Environment.Version} · {(quick ? "quick" : "full")} sizes");
foreach (var benchmark in all.Where(b => names.Contains(b.Name)))
{
    var folder = Path.Combine(Path.GetTempPath(), "citymgmt-bench", benchmark.Name + "-" + Guid.NewGuid().ToString("N")[..8]);
    Directory.CreateDirectory(folder);
    Console.WriteLine($"== {benchmark.Name}: {benchmark.Description}");
    try
    {
        await benchmark.RunAsync(new BenchmarkContext(folder, Console.Out, quick));
    }
    finally
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("CITYMGMT_BENCH_KEEP") == "1")
        {
            Console.WriteLine($"   kept {folder}");
        }
        else
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

return 0;

using System.Diagnostics;
using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Evaluation.Runs;
using CityMgmt.Domain.Exports;
using CityMgmt.Infrastructure.Evaluation;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Reports.Exports;
using Microsoft.Extensions.DependencyInjection;

namespace CityMgmt.Benchmarks;

/// <summary>
/// Issue 6, background exports: 陈领导's case list of the third quarter of 2026 (≈ 150,000 generated cases) queued and
/// run by the export worker end to end — count, streamed query, MiniExcel, progress saved to the job row.
/// </summary>
public sealed class ExportBenchmark : IBenchmark
{
    private static readonly EvaluationPeriod Quarter = EvaluationPeriod.Quarter(2026, 3);

    public string Name => "exports";

    public string Description => "background case-list export of ≈150,000 cases through the export worker (time, peak memory)";

    public async Task RunAsync(BenchmarkContext context)
    {
        var output = context.Out;
        var generate = context.Quick ? 150_000 : 300_000; // 2,500 a day back from 2026-11-28: Q3 gets the days from August (full) or mid-September (quick)
        await using var services = BenchHost.Build(context.WorkFolder);
        await using (var scope = services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<DatabaseMigrator>(scope.ServiceProvider).StartAsync(CancellationToken.None);
        }

        var watch = Stopwatch.StartNew();
        await CaseGenerator.GenerateAsync(services, Path.Combine(context.WorkFolder, "citymgmt.db"), generate);
        output.WriteLine($"   generated {generate:N0} cases in {watch.Elapsed.TotalSeconds:F1} s");

        Guid jobId;
        StaffContext leader;
        await using (var scope = services.CreateAsyncScope())
        {
            var run = await scope.ServiceProvider.GetRequiredService<EvaluationRunner>().RunAsync(Quarter, RunTrigger.Manual, "benchmark");
            leader = (await scope.ServiceProvider.GetRequiredService<UserDirectory>().LoadAsync("demo-ld"))!;
            var queued = await scope.ServiceProvider.GetRequiredService<ExportQueue>().StartAsync(leader, ExportKind.CaseList, run.Value.RunId);
            jobId = queued.Value.Id;
        }

        var worker = services.GetRequiredService<ExportWorker>();
        var progressSteps = 0;
        services.GetRequiredService<ExportNotifier>().Changed += (_, _) => Interlocked.Increment(ref progressSteps);
        GC.Collect();
        var start = Measure.PeakWorkingSetMiB();
        var reset = Measure.ResetPeakWorkingSet();
        var (elapsed, allocated) = await Measure.RunAsync(() => worker.DrainAsync());
        var peak = Measure.PeakWorkingSetMiB();

        await using var check = services.CreateAsyncScope();
        var job = (await check.ServiceProvider.GetRequiredService<ExportQueue>().MineAsync(leader)).Value.Single(j => j.Id == jobId);
        if (job.State != ExportJobState.Completed)
        {
            throw new InvalidOperationException($"export ended {job.State}: {job.Error}");
        }

        output.WriteLine($"   {job.Written:N0} rows ({Quarter.Label}) in {elapsed.TotalSeconds:F2} s = {job.Written / elapsed.TotalSeconds:N0} rows/s; file {job.FileSize / 1024.0 / 1024.0:F1} MiB; {progressSteps} live progress updates");
        output.WriteLine($"   peak working set {peak:F0} MiB ({(reset ? "reset before the export" : "process peak")}; {start:F0} MiB before); allocated {allocated / 1024.0 / 1024.0:F0} MiB in total");
    }
}

using System.Diagnostics;
using System.Text.Json;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Geo.Import;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityMgmt.Benchmarks;

/// <summary>
/// Issue 4: time and peak memory of importing 170,000 components from one GeoJSON file into a fresh SQLite
/// database (the small demo county seeded first for its classes, departments and grids; every generated
/// point lies inside a grid, so each row is located, validated and written). Then the same file again:
/// every row is an update with nothing changed.
/// </summary>
public sealed class ImportBenchmark : IBenchmark
{
    public string Name => "import";

    public string Description => "import 170,000 components from GeoJSON into a fresh SQLite database: time, peak memory, allocations";

    public async Task RunAsync(BenchmarkContext context)
    {
        var output = context.Out;
        var count = context.Quick ? 17_000 : 170_000;
        await using var services = BenchHost.Build(context.WorkFolder);
        var seeding = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<DatabaseMigrator>(scope.ServiceProvider).StartAsync(CancellationToken.None);
        }

        output.WriteLine($"seeded the Small demo county (classes, departments, grids) in {seeding.Elapsed.TotalSeconds:F1} s");
        var file = Path.Combine(context.WorkFolder, "components.geojson");
        var (grids, before) = await GenerateAsync(services, file, count);
        output.WriteLine($"generated {count:N0} point components in {grids:N0} grids: {new FileInfo(file).Length / 1024.0 / 1024.0:F1} MiB of GeoJSON");

        var admin = await AdminAsync(services);
        var peakBefore = Measure.PeakWorkingSetMiB();
        foreach (var run in new[] { "first import (all new)", "same file again (all unchanged)" })
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var reset = Measure.ResetPeakWorkingSet();
            var start = Measure.PeakWorkingSetMiB();
            ImportReport? report = null;
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var (elapsed, allocated) = await Measure.RunAsync(async () =>
            {
                await using var scope = services.CreateAsyncScope();
                await using var stream = File.OpenRead(file);
                var request = new ImportRequest(BaseDataKind.Component, BaseDataFormat.GeoJson, ImportMode.AllOrNothing, "components.geojson", stream, stream.Length);
                var result = await scope.ServiceProvider.GetRequiredService<BaseDataImportService>().ImportAsync(admin, request);
                report = result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error.Message);
            });
            output.WriteLine($"{run}: {report!.Summary}, errors {report.ErrorCount}");
            process.Refresh();
            output.WriteLine($"  {elapsed.TotalSeconds:F1} s ({count / elapsed.TotalSeconds:N0} rows/s), CPU {(process.TotalProcessorTime - cpu).TotalSeconds:F1} s, allocated {allocated / 1024.0 / 1024.0:N0} MiB, " +
                $"peak working set {Measure.PeakWorkingSetMiB():N0} MiB " +
                (reset ? $"during this import (working set at its start {start:N0} MiB)" : $"of the process (before the imports {peakBefore:N0} MiB)"));
        }

        await using var db = services.GetRequiredService<IDbContextFactory<CityDbContext>>().CreateDbContext();
        var stored = await db.Components.CountAsync();
        output.WriteLine($"components in the database: {stored:N0} ({before:N0} seeded + {stored - before:N0} imported)");
    }

    /// <summary>Points at random inside random grids (the demo cells are rectangles), classes and owners from the code lists.</summary>
    private static async Task<(int Grids, int Before)> GenerateAsync(IServiceProvider services, string path, int count)
    {
        await using var db = services.GetRequiredService<IDbContextFactory<CityDbContext>>().CreateDbContext();
        var grids = await db.Grids.AsNoTracking().Select(g => new { g.Code, g.MinX, g.MinY, g.MaxX, g.MaxY }).ToListAsync();
        var classes = await db.Categories.AsNoTracking().Where(c => c.Kind == CategoryKind.Component && c.MinorCode != null && c.DefaultDepartmentId != null).ToListAsync();
        var departments = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(o => o.Id);
        var before = await db.Components.CountAsync();
        var random = new Random(170_000);
        await using var stream = File.Create(path);
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        for (var i = 0; i < count; i++)
        {
            var grid = grids[random.Next(grids.Count)];
            var category = classes[i % classes.Count];
            var owner = departments[category.DefaultDepartmentId!.Value];
            var x = grid.MinX + ((grid.MaxX - grid.MinX) * (0.05 + (random.NextDouble() * 0.9)));
            var y = grid.MinY + ((grid.MaxY - grid.MinY) * (0.05 + (random.NextDouble() * 0.9)));
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(Math.Round(x, 7));
            json.WriteNumberValue(Math.Round(y, 7));
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("ObjID", $"519901{category.MajorCode}{category.MinorCode}{100_000 + (i / classes.Count):D6}");
            json.WriteString("ObjName", category.Name);
            json.WriteString(i % 2 == 0 ? "DeptCode1" : "DeptName1", i % 2 == 0 ? owner.Code : owner.Name);
            json.WriteString("DeptName3", "示范县城投养护有限公司");
            json.WriteString("BGID", i % 3 == 0 ? grid.Code.Value : null);
            json.WriteString("ObjState", i % 50 == 0 ? "破损" : "完好");
            json.WriteString("ORDate", "2025-06-01");
            json.WriteString("DataSource", "2025年部件普查");
            json.WriteEndObject();
            json.WriteEndObject();
            if (json.BytesPending > 1 << 16)
            {
                await json.FlushAsync();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync();
        return (grids.Count, before);
    }

    private static async Task<StaffContext> AdminAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CityDbContext>();
        var id = await db.UserRoles.Join(db.Roles.Where(r => r.Name == StaffRole.Admin), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId).FirstAsync();
        return await scope.ServiceProvider.GetRequiredService<UserDirectory>().LoadAsync(id) ?? throw new InvalidOperationException("no administrator");
    }
}

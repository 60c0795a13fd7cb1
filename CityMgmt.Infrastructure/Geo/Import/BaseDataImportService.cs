using CityMgmt.Domain.Common;
using CityMgmt.Domain.Geocoding;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Audit;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Geo.Import.Reading;
using CityMgmt.Infrastructure.Geo.Import.Validation;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityMgmt.Infrastructure.Geo.Import;

/// <summary>
/// 基础数据导入: unit grids, communities and components from GeoJSON, a Shapefile zip or CSV. The upload is
/// bounded (size before reading; zip entries, paths and expansion before extracting), every row is
/// validated with Chinese messages and row numbers, and the whole run is one transaction.
/// </summary>
public sealed class BaseDataImportService(
    IDbContextFactory<CityDbContext> factory,
    IOptions<BaseDataImportOptions> options,
    AuditLog audit,
    TimeProvider clock,
    IServiceProvider services,
    ILogger<BaseDataImportService> logger)
{
    public BaseDataImportOptions Options => options.Value;

    public async Task<Result<ImportReport>> ImportAsync(StaffContext actor, ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var allowed = actor.Require(StaffRole.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error;
        }

        var o = options.Value;
        if (Precheck(request, o) is { } refused)
        {
            return refused;
        }

        using var workspace = new ImportWorkspace();
        try
        {
            progress?.Report(new ImportProgress(ImportPhase.Uploading, 0, 0, 0, 0));
            var path = await workspace.SaveAsync(request.Content, request.FileName, o.MaxUploadBytes, ct);
            progress?.Report(new ImportProgress(ImportPhase.Checking, 0, 0, 0, 0));
            var records = await OpenAsync(request, path, workspace, o, ct);
            var report = await RunAsync(actor, request, records, o, progress, ct);
            logger.LogInformation("Import of {Kind} from {File} by {User}: {Summary} in {Ms} ms",
                request.Kind, request.FileName, actor.UserName, report.Summary, (long)report.Elapsed.TotalMilliseconds);
            if (report.Committed && report.Created + report.Updated > 0)
            {
                services.GetService<IGeocoder>()?.Invalidate();
            }

            return report;
        }
        catch (ImportRefusedException e)
        {
            logger.LogInformation("Import of {File} refused: {Reason}", request.FileName, e.Error.Message);
            return e.Error;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return ImportErrors.Cancelled;
        }
    }

    /// <summary>What can be refused from the request alone, before a byte is read.</summary>
    private static Error? Precheck(ImportRequest request, BaseDataImportOptions o)
    {
        var size = request.DeclaredSize ?? (request.Content.CanSeek ? request.Content.Length : (long?)null);
        if (size > o.MaxUploadBytes)
        {
            return ImportErrors.TooLarge(size.Value, o.MaxUploadBytes);
        }

        if (request.Format == BaseDataFormat.Csv && request.Kind != BaseDataKind.Component)
        {
            return ImportErrors.CsvOnlyForComponents;
        }

        var extension = Path.GetExtension(request.FileName).ToLowerInvariant();
        var (ok, expected) = request.Format switch
        {
            BaseDataFormat.GeoJson => (extension is ".geojson" or ".json", ".geojson/.json"),
            BaseDataFormat.Shapefile => (extension == ".zip", ".zip"),
            _ => (extension is ".csv" or ".txt", ".csv"),
        };
        return ok ? null : ImportErrors.WrongExtension(request.FileName, expected);
    }

    private static async Task<IEnumerable<ImportRecord>> OpenAsync(ImportRequest request, string path, ImportWorkspace workspace, BaseDataImportOptions o, CancellationToken ct)
    {
        switch (request.Format)
        {
            case BaseDataFormat.GeoJson:
                return new GeoJsonRecordReader(path, request.Kind).Read(ct);
            case BaseDataFormat.Csv:
                return new CsvRecordReader(path, request.Encoding).Read(ct);
            default:
                var folder = Directory.CreateDirectory(Path.Combine(workspace.Folder, "expanded")).FullName;
                var files = await SafeZip.ExtractAsync(path, folder, o, ct);
                return ShapefileRecordReader.Open(files, request.Kind).Read(ct);
        }
    }

    /// <summary>
    /// The import's one transaction runs under the provider's execution strategy: SQL Server's retrying strategy
    /// refuses a transaction begun outside it, and after a transient failure runs the unit again. Each attempt starts
    /// afresh: the readers open the saved file again from its first record, with new reference data and validators.
    /// </summary>
    private async Task<ImportReport> RunAsync(
        StaffContext actor, ImportRequest request, IEnumerable<ImportRecord> records, BaseDataImportOptions o, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(
            token => AttemptAsync(db, actor, request, records, o, progress, token), ct);
    }

    private async Task<ImportReport> AttemptAsync(
        CityDbContext db, StaffContext actor, ImportRequest request, IEnumerable<ImportRecord> records, BaseDataImportOptions o, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        var data = await ReferenceData.LoadAsync(db, request.Kind, ct);
        var context = new ImportContext(data, o, request.CoordinateSystem, ChinaDay.Today(now), now, actor.DisplayName, Path.GetFileName(request.FileName));
        var pipeline = new ImportPipeline(db, audit, request, o, progress);
        return request.Kind switch
        {
            BaseDataKind.Grid => await pipeline.RunAsync(new GridImportTarget(context), records, actor, ct),
            BaseDataKind.Community => await pipeline.RunAsync(new CommunityImportTarget(context), records, actor, ct),
            _ => await pipeline.RunAsync(new ComponentImportTarget(context), records, actor, ct),
        };
    }
}

using CityMgmt.Domain.Common;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Audit;
using CityMgmt.Infrastructure.Geo.Import;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Geo.Export;

/// <summary>
/// 基础数据导出: grids, communities or components as GeoJSON, a Shapefile zip or CSV, streamed to the
/// caller's stream straight from the database (170,000 components never sit in memory together).
/// </summary>
public sealed class BaseDataExportService(IDbContextFactory<CityDbContext> factory, AuditLog audit, TimeProvider clock)
{
    public static string FileName(BaseDataKind kind, BaseDataFormat format, DateOnly day) =>
        $"{kind.DisplayName()}_{day:yyyyMMdd}{Extension(format)}";

    public static string ContentType(BaseDataFormat format) => format switch
    {
        BaseDataFormat.GeoJson => "application/geo+json",
        BaseDataFormat.Shapefile => "application/zip",
        _ => "text/csv; charset=utf-8",
    };

    /// <summary>Administrators only; the export is written to the admin log (base data leaves the system).</summary>
    public async Task<Result<string>> AuthorizeAsync(StaffContext actor, BaseDataKind kind, BaseDataFormat format, CancellationToken ct = default)
    {
        var allowed = actor.Require(StaffRole.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error;
        }

        await using var db = factory.CreateDbContext();
        audit.Admin(db, actor, "导出基础数据", kind.DisplayName(), format.DisplayName());
        await db.SaveChangesAsync(ct);
        var now = clock.GetUtcNow();
        return FileName(kind, format, Cases.ChinaDay.Today(now));
    }

    /// <summary>Writes the export to <paramref name="output"/> (all writes asynchronous, so a response body works).</summary>
    public async Task WriteAsync(BaseDataKind kind, BaseDataFormat format, Stream output, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var columns = ExportSource.Columns(kind);
        var rows = ExportSource.Rows(db, kind, ct);
        switch (format)
        {
            case BaseDataFormat.GeoJson:
                await GeoJsonExporter.WriteAsync(output, columns, rows, ct);
                break;
            case BaseDataFormat.Shapefile:
                await ShapefileExporter.WriteAsync(output, LayerName(kind), columns, rows, ct);
                break;
            default:
                await CsvExporter.WriteAsync(output, columns, rows, ct);
                break;
        }
    }

    private static string LayerName(BaseDataKind kind) => kind switch
    {
        BaseDataKind.Grid => "grids",
        BaseDataKind.Community => "communities",
        _ => "components",
    };

    private static string Extension(BaseDataFormat format) => format switch
    {
        BaseDataFormat.GeoJson => ".geojson",
        BaseDataFormat.Shapefile => ".zip",
        _ => ".csv",
    };
}

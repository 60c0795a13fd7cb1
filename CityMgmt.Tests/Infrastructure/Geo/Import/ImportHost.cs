using CityMgmt.Domain.Common;
using CityMgmt.Domain.Components;
using CityMgmt.Infrastructure.Geo.Import;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CityMgmt.Tests.Infrastructure.Geo.Import;

/// <summary>Runs imports as the demo administrator against a copy of the small demo county.</summary>
internal static class ImportHost
{
    /// <summary>Test data lives in the demo county 519901, at class sequences the seed never reaches.</summary>
    public const string County = "519901";

    public static string Code(string majorMinor, int sequence) => $"{County}{majorMinor}{sequence:D6}";

    public static async Task<Result<ImportReport>> ImportAsync(
        TestServices services, BaseDataKind kind, BaseDataFormat format, byte[] content, string fileName,
        ImportMode mode = ImportMode.AllOrNothing, BaseDataImportOptions? options = null, TextEncodingChoice encoding = TextEncodingChoice.Auto,
        IProgress<ImportProgress>? progress = null, IDbContextFactory<CityDbContext>? factory = null, CancellationToken ct = default)
    {
        var service = Service(services, options, factory);
        var admin = await services.StaffAsync("admin");
        using var stream = new MemoryStream(content);
        return await service.ImportAsync(admin, new ImportRequest(kind, format, mode, fileName, stream, content.Length, encoding), progress, ct);
    }

    /// <param name="factory">Contexts other than the app's, e.g. under a retrying execution strategy.</param>
    public static BaseDataImportService Service(TestServices services, BaseDataImportOptions? options = null, IDbContextFactory<CityDbContext>? factory = null)
    {
        var scope = services.Services.CreateScope().ServiceProvider;
        return (options, factory) switch
        {
            (null, null) => scope.GetRequiredService<BaseDataImportService>(),
            (_, null) => ActivatorUtilities.CreateInstance<BaseDataImportService>(scope, Options.Create(options)),
            _ => ActivatorUtilities.CreateInstance<BaseDataImportService>(scope, Options.Create(options ?? new BaseDataImportOptions()), factory),
        };
    }

    public static async Task<Counts> CountsAsync(TestServices services)
    {
        await using var db = services.NewDb();
        return new Counts(await db.Components.CountAsync(), await db.ComponentChanges.CountAsync(), await db.Grids.CountAsync(),
            await db.Divisions.CountAsync(), await db.AdminAudit.CountAsync());
    }

    public static async Task<CityComponent?> ComponentAsync(TestServices services, string code)
    {
        await using var db = services.NewDb();
        var value = ComponentCode.Parse(code, code.Length == 17 ? ComponentCodeScheme.Gbt47678 : ComponentCodeScheme.Standard16).Value;
        return await db.Components.AsNoTracking().SingleOrDefaultAsync(c => c.Code == value);
    }

    /// <summary>A point inside the demo grid 519901001001001 (the county town's south-west corner cell).</summary>
    public static (double X, double Y) InFirstGrid => (104.0004, 30.5004);

    public static ImportReport Ok(this Result<ImportReport> result)
    {
        result.IsSuccess.ShouldBeTrue(result.IsFailure ? result.Error.Message : null);
        return result.Value;
    }

    public static string Refusal(this Result<ImportReport> result)
    {
        result.IsFailure.ShouldBeTrue("the file should have been refused");
        return result.Error.Message;
    }
}

internal sealed record Counts(int Components, int Changes, int Grids, int Divisions, int Audit);

/// <summary>A progress sink that runs its callback on the reporting thread (Progress&lt;T&gt; posts later).</summary>
internal sealed class InlineProgress(Action<ImportProgress> onReport) : IProgress<ImportProgress>
{
    public void Report(ImportProgress value) => onReport(value);
}

using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Geo.Export;
using CityMgmt.Infrastructure.Geo.Import;
using CityMgmt.Infrastructure.Organisation;
using Microsoft.AspNetCore.Mvc;

namespace CityMgmt.Web.Endpoints;

/// <summary>
/// GET /api/basedata/export/{kind}/{format}: grids, communities or components as a download (GeoJSON,
/// Shapefile zip, CSV), streamed from the database into the response. Administrators only; audited.
/// </summary>
internal static class BaseDataExportEndpoints
{
    public const string Prefix = "/api/basedata/export";

    public static string Url(BaseDataKind kind, BaseDataFormat format) => $"{Prefix}/{kind.ToString().ToLowerInvariant()}/{format.ToString().ToLowerInvariant()}";

    public static void MapBaseDataExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Prefix + "/{kind}/{format}", ExportAsync)
            .RequireAuthorization(policy => policy.RequireRole(StaffRole.Admin))
            .WithMetadata(new SkipStatusCodePagesAttribute());
    }

    private static async Task<IResult> ExportAsync(
        string kind, string format, HttpContext http, UserDirectory users, BaseDataExportService export, CancellationToken ct)
    {
        if (!Enum.TryParse<BaseDataKind>(kind, ignoreCase: true, out var dataKind) || !Enum.TryParse<BaseDataFormat>(format, ignoreCase: true, out var dataFormat))
        {
            return Results.NotFound();
        }

        var staff = await users.GetAsync(http.User, ct);
        if (staff is null)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var allowed = await export.AuthorizeAsync(staff, dataKind, dataFormat, ct);
        if (allowed.IsFailure)
        {
            return Results.Problem(allowed.Error.Message, statusCode: StatusCodes.Status403Forbidden);
        }

        return Results.Stream(
            body => export.WriteAsync(dataKind, dataFormat, body, http.RequestAborted),
            BaseDataExportService.ContentType(dataFormat),
            allowed.Value);
    }
}

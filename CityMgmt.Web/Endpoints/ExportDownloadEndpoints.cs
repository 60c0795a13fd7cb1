using CityMgmt.Domain.Exports;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Reports.Exports;
using Microsoft.AspNetCore.Mvc;

namespace CityMgmt.Web.Endpoints;

/// <summary>
/// GET /api/exports/{id}/file: the file of a finished background export. Only its requester, only while their
/// role (领导 or 值班长, read from the database on each request) still allows exports, only within the retention.
/// </summary>
internal static class ExportDownloadEndpoints
{
    public const string Prefix = "/api/exports";

    public static string Url(Guid id) => $"{Prefix}/{id}/file";

    public static void MapExportDownloadEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Prefix + "/{id:guid}/file", DownloadAsync)
            .RequireAuthorization(policy => policy.RequireRole(StaffRole.Leader, StaffRole.ShiftLeader))
            .WithMetadata(new SkipStatusCodePagesAttribute());

    private static async Task<IResult> DownloadAsync(Guid id, HttpContext http, UserDirectory users, ExportQueue exports, CancellationToken ct)
    {
        var staff = await users.GetAsync(http.User, ct);
        if (staff is null)
        {
            return Results.Problem(StaffContext.Forbidden.Message, statusCode: StatusCodes.Status403Forbidden);
        }

        var download = await exports.DownloadAsync(staff, id, ct);
        if (download.IsSuccess)
        {
            var file = download.Value;
            return Results.File(file.Path, file.ContentType, file.FileName);
        }

        var error = download.Error;
        var status = error == StaffContext.Forbidden ? StatusCodes.Status403Forbidden
            : error == ExportErrors.NotFound ? StatusCodes.Status404NotFound
            : error == ExportErrors.NotReady ? StatusCodes.Status409Conflict
            : StatusCodes.Status410Gone;
        return Results.Problem(download.Error.Message, statusCode: status);
    }
}

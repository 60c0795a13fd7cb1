using System.Text.Json;
using System.Text.Json.Serialization;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Geo.VectorTiles;
using CityMgmt.Infrastructure.Organisation;
using Microsoft.AspNetCore.Mvc;

namespace CityMgmt.Web.Endpoints;

/// <summary>
/// The map's HTTP side: self-hosted vector tiles (GET /api/tiles/{layer}/{z}/{x}/{y}.pbf) and small JSON reads under
/// /api/map. Everything needs a signed-in staff member; case data follows the user's data scope.
/// </summary>
internal static class MapEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static void MapMapEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Staff only (a signed-in account without a staff role gets nothing). API callers get 401/403/404 as such, not
        // the HTML pages the status-code middleware would re-execute.
        var api = endpoints.MapGroup("/api").RequireAuthorization(policy => policy.RequireRole(StaffRole.All))
            .WithMetadata(new SkipStatusCodePagesAttribute());
        api.MapGet("/tiles/{layer}/{z:int}/{x:int}/{y:int}.pbf", TileAsync);

        var map = api.MapGroup("/map");
        map.MapGet("/view", async (MapQueries queries, CancellationToken ct) => Results.Json(await queries.InitialViewAsync(ct), Json));
        map.MapGet("/grids", async (string? q, MapQueries queries, CancellationToken ct) => Results.Json(await queries.SearchGridsAsync(q, 10, ct), Json));
        map.MapGet("/grids/{code}", async (string code, MapQueries queries, CancellationToken ct) =>
            await queries.FindGridAsync(code, ct) is { } grid ? Results.Json(grid, Json) : Results.NotFound());
        map.MapGet("/components/{id:guid}", async (Guid id, HttpContext http, UserDirectory users, MapQueries queries, CancellationToken ct) =>
        {
            var staff = await users.GetAsync(http.User, ct);
            if (staff is null)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            return await queries.ComponentAsync(staff.Scope, id, ct) is { } detail ? Results.Json(detail, Json) : Results.NotFound();
        });
        map.MapGet("/pick", async (double lon, double lat, double? tolerance, HttpContext http, UserDirectory users, MapQueries queries, CancellationToken ct) =>
        {
            var staff = await users.GetAsync(http.User, ct);
            return staff is null
                ? Results.StatusCode(StatusCodes.Status403Forbidden)
                : Results.Json(await queries.PickAsync(staff.Scope, lon, lat, tolerance ?? 10, ct: ct), Json);
        });
    }

    private static async Task<IResult> TileAsync(
        string layer, int z, int x, int y, HttpContext http, VectorTileService tiles, TileCache cache, UserDirectory users, CancellationToken ct)
    {
        if (!MapLayers.IsKnown(layer) || !TileAddress.IsValid(z, x, y))
        {
            return Results.NotFound();
        }

        var tile = new TileAddress(z, x, y);
        if (MapLayers.IsBaseData(layer))
        {
            // Base data is shared by all users: the browser may keep a tile and revalidate it cheaply.
            var etag = cache.ETag;
            http.Response.Headers.CacheControl = "private, no-cache";
            http.Response.Headers.ETag = etag;
            if (http.Request.Headers.IfNoneMatch == etag)
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            return Results.Bytes(await tiles.GetAsync(layer, tile, null, ct), VectorTileService.ContentType);
        }

        var staff = await users.GetAsync(http.User, ct);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Bytes(await tiles.GetAsync(layer, tile, staff?.Scope ?? DataScope.Nothing, ct), VectorTileService.ContentType);
    }
}

using System.Collections.Concurrent;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Web.Components.Pages.Map;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CityMgmt.Tests.E2E;

[Collection(AppCollection.Name)]
public class MapTests(AppServer app)
{
    private const string Map = "[data-testid=map]";

    [Fact]
    public async Task Map_WithTheNetworkClosed_ShowsTheCountyZoomsToAGridAndShowsAClickedComponent()
    {
        var (gridCode, componentCode, lon, lat) = await KnownComponentAsync();
        var page = await app.LoginAsync("ld");
        var foreign = new ConcurrentBag<string>();
        await page.Context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith(app.BaseUrl, StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }

            foreign.Add(route.Request.Url);
            await route.AbortAsync();
        });
        var gridTiles = new ConcurrentBag<IResponse>();
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/api/tiles/grids/", StringComparison.Ordinal))
            {
                gridTiles.Add(response);
            }
        };

        await page.GotoAsync("/map");
        await AppServer.WaitForCircuitAsync(page);
        await page.WaitForSelectorAsync($"{Map}[data-map-ready=true]");
        await WaitForDrawnAsync(page, "grids");

        var bodies = await Task.WhenAll(gridTiles.Where(r => r.Status == 200).Select(r => r.BodyAsync()));
        bodies.ShouldContain(b => b.Length > 0);

        await page.FillAsync("input[data-testid=grid-search]", gridCode);
        await page.ClickAsync("[data-testid=grid-locate]");
        (await page.InnerTextAsync("[data-testid=grid-card]")).ShouldContain(gridCode);
        await page.WaitForFunctionAsync($"() => +document.querySelector('{Map}').dataset.zoom >= 17");
        await WaitForDrawnAsync(page, "components");

        var at = await page.EvaluateAsync<double[]>($"([lon, lat]) => document.querySelector('{Map}').cityMgmtMap.project(lon, lat)", new[] { lon, lat });
        var box = await page.Locator(Map).BoundingBoxAsync();
        await page.Mouse.ClickAsync((float)(box!.X + at[0]), (float)(box.Y + at[1]));

        await page.WaitForSelectorAsync($"[data-testid=component-code]:text-is('{componentCode}')");
        var card = await page.InnerTextAsync("[data-testid=component-card]");
        foreach (var label in new[] { "标识码", "名称", "类别", "状态", "主管部门", "权属单位", "养护单位", "所在网格", "初始日期", "变更日期", "在办案件" })
        {
            card.ShouldContain(label);
        }

        card.ShouldContain(gridCode);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "citymgmt-map-e2e.png") });
        foreign.ShouldBeEmpty();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task MapEdit_AdminDragsAGridVertexOntoItsNeighbour_SaveIsRefusedWithAChineseMessage()
    {
        var page = await app.LoginAsync("admin");
        await page.GotoAsync("/map/edit");
        await AppServer.WaitForCircuitAsync(page);
        await page.WaitForSelectorAsync("[data-testid=edit-map][data-map-ready=true]");

        await page.FillAsync("input[data-testid=edit-grid-code]", "519901001001001");
        await page.ClickAsync("[data-testid=edit-grid-load]");
        await page.WaitForFunctionAsync("() => +document.querySelector('[data-testid=edit-map]').dataset.zoom >= 18.5 && !document.querySelector('.leaflet-zoom-anim')");
        var vertices = page.Locator(".cm-vertex:not(.cm-vertex-mid)");
        await vertices.Nth(3).WaitForAsync();
        (await vertices.CountAsync()).ShouldBe(4);
        var corner = (await vertices.Nth(1).BoundingBoxAsync())!;
        var (x, y) = ((float)(corner.X + (corner.Width / 2)), (float)(corner.Y + (corner.Height / 2)));
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x + 20, y, new() { Steps = 4 });
        await page.Mouse.MoveAsync(x + 60, y, new() { Steps = 4 });
        await page.Mouse.UpAsync();
        await page.ClickAsync("[data-testid=edit-grid-save]");

        var message = await page.Locator(".mud-snackbar").First.InnerTextAsync();
        message.ShouldContain("519901001001002");
        message.ShouldContain("不能重叠");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "citymgmt-map-edit-e2e.png") });
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<CityDbContext>().AdminAudit.AnyAsync(a => a.Target == "519901001001001")).ShouldBeFalse();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Tiles_Anonymously_AreRefused()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(app.BaseUrl) };

        using var tile = await http.GetAsync("/api/tiles/grids/14/13116/6829.pbf");
        using var component = await http.GetAsync($"/api/map/components/{Guid.NewGuid()}");

        ((int)tile.StatusCode).ShouldBe(401);
        ((int)component.StatusCode).ShouldBe(401);
    }

    [Fact]
    public async Task MapPicker_OnTheGeocodingPage_ClickOnAComponentPicksItAndLocatesItsGrid()
    {
        const string Picker = "[data-testid=map-picker]";
        var (gridCode, componentCode, lon, lat) = await KnownComponentAsync();
        var page = await app.LoginAsync("ld");
        await page.GotoAsync("/geocoding");
        await AppServer.WaitForCircuitAsync(page);
        await page.WaitForSelectorAsync($"{Picker}[data-map-ready=true]");

        await page.EvaluateAsync($"([lon, lat]) => document.querySelector('{Picker}').cityMgmtMap.setView(lon, lat, 18)", new[] { lon, lat });
        await page.WaitForFunctionAsync($"() => +document.querySelector('{Picker}').dataset.zoom >= 18 && !document.querySelector('.leaflet-zoom-anim')");
        await page.WaitForFunctionAsync($"() => [...document.querySelectorAll('{Picker} canvas.cm-tile[data-layer=components]')].some(c => +c.dataset.features > 0)");
        await page.Locator(Picker).ScrollIntoViewIfNeededAsync();
        var at = await page.EvaluateAsync<double[]>($"([lon, lat]) => document.querySelector('{Picker}').cityMgmtMap.project(lon, lat)", new[] { lon, lat });
        var box = await page.Locator(Picker).BoundingBoxAsync();
        await page.Mouse.ClickAsync((float)(box!.X + at[0]), (float)(box.Y + at[1]));

        await page.WaitForSelectorAsync($"[data-testid=geo-picked-component]:has-text('{componentCode}')");
        (await page.InnerTextAsync("[data-testid=geo-point-result]")).ShouldContain(gridCode);
        var clicked = (await page.InnerTextAsync("[data-testid=geo-converted]")).Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        CityMgmt.Domain.Geo.GeoMetrics.DistanceMetres(clicked[0], clicked[1], lon, lat).ShouldBeLessThan(5, "the clicked point is the component's position");
        await page.Context.CloseAsync();
    }

    [Fact]
    public void MapPageAndApi_RequireAStaffRole()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } route && (route.StartsWith("/api/tiles", StringComparison.Ordinal) || route.StartsWith("/api/map", StringComparison.Ordinal)))
            .ToList();

        endpoints.Count.ShouldBeGreaterThanOrEqualTo(5);
        foreach (var endpoint in endpoints)
        {
            var roles = endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>().SelectMany(p => p.Requirements).OfType<RolesAuthorizationRequirement>().ToList();
            roles.ShouldHaveSingleItem(endpoint.RoutePattern.RawText).AllowedRoles.ShouldBe(StaffRole.All, ignoreOrder: true);
        }

        var page = typeof(MapPage).GetCustomAttributes(typeof(AuthorizeAttribute), true).Cast<AuthorizeAttribute>().Single(a => a.Roles is not null).Roles!;
        page.Split(',').ShouldBe(StaffRole.All, ignoreOrder: true);
    }

    /// <summary>A point component of the demo county, its grid and position.</summary>
    private async Task<(string Grid, string Code, double Lon, double Lat)> KnownComponentAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CityDbContext>();
        var row = await (from c in db.Components.AsNoTracking()
                         where c.MinX == c.MaxX && c.GridId != null
                         join g in db.Grids on c.GridId equals g.Id
                         orderby c.Code
                         select new { Grid = g.Code, c.Code, c.MinX, c.MinY }).Skip(40).FirstAsync();
        return (row.Grid.Value, row.Code.Value, row.MinX, row.MinY);
    }

    private static async Task WaitForDrawnAsync(IPage page, string layer) =>
        await page.WaitForFunctionAsync($"() => [...document.querySelectorAll('canvas.cm-tile[data-layer={layer}]')].some(c => +c.dataset.features > 0)");
}

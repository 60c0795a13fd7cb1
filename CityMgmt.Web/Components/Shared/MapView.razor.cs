using CityMgmt.Domain.Cases;
using CityMgmt.Infrastructure.Geo.VectorTiles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace CityMgmt.Web.Components.Shared;

/// <summary>
/// The offline map (Leaflet + the app's own vector tiles, ADR 0009) as a component. Pages switch layers, fit, highlight
/// and edit through its methods; clicks come back as <see cref="OnMapClick"/>. Calls before the map is ready do nothing.
/// </summary>
public sealed partial class MapView
{
    private ElementReference element;
    private IJSObjectReference? module;
    private IJSObjectReference? map;
    private DotNetObjectReference<MapView>? self;
    private bool disposed;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    [Inject]
    private MapQueries Queries { get; set; } = null!;

    [Inject]
    private IOptions<MapOptions> Options { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Parameter]
    public string Height { get; set; } = "600px";

    [Parameter]
    public string? Class { get; set; }

    [Parameter]
    public string TestId { get; set; } = "map";

    /// <summary>Which layers start switched on (read once, when the map is created).</summary>
    [Parameter]
    public LayerState? Layers { get; set; }

    [Parameter]
    public EventCallback<MapClick> OnMapClick { get; set; }

    [Parameter]
    public EventCallback OnReady { get; set; }

    public bool IsReady => map is not null;

    /// <summary>The initial view and the county's extent, once the map exists.</summary>
    public MapInitialView? View { get; private set; }

    public Task SetLayerVisibleAsync(string layer, bool visible) => CallAsync("setVisible", layer, visible);

    public Task SetMajorsAsync(IEnumerable<string> majors) => CallAsync("setMajors", majors.ToArray());

    /// <summary>Reloads one layer's tiles (or all) from the server, e.g. after an edit or for fresh cases.</summary>
    public Task RefreshAsync(string? layer = null) => CallAsync("refresh", layer);

    public Task FitAsync(MapExtent extent, int maxZoom = 18) => CallAsync("fitBounds", ToArray(extent), maxZoom);

    public Task FitCountyAsync() => View is null ? Task.CompletedTask : FitAsync(View.CountyExtent);

    public Task HighlightAsync(IReadOnlyList<double[]>? ring) => CallAsync("highlight", ring);

    public Task SetMarkerAsync(double? longitude, double? latitude) => CallAsync("setMarker", longitude, latitude);

    public Task EditPolygonAsync(IReadOnlyList<double[]> ring) => CallAsync("editPolygon", ring);

    public Task EditPointAsync(double longitude, double latitude) => CallAsync("editPoint", longitude, latitude);

    public Task StopEditAsync() => CallAsync("stopEdit");

    public async Task<double[][]?> GetEditedPolygonAsync() => map is null ? null : await map.InvokeAsync<double[][]?>("getEdited");

    public async Task<double[]?> GetEditedPointAsync() => map is null ? null : await map.InvokeAsync<double[]?>("getEdited");

    [JSInvokable]
    public Task HandleClick(double longitude, double latitude, double zoom, double metresPerPixel) =>
        OnMapClick.InvokeAsync(new MapClick(longitude, latitude, zoom, metresPerPixel));

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        var view = View = await Queries.InitialViewAsync();
        module = await JS.InvokeAsync<IJSObjectReference>("import", "./" + Assets["js/map.js"]);
        self = DotNetObjectReference.Create(this);
        var created = await module.InvokeAsync<IJSObjectReference>("create", element, self, BuildOptions(view));
        if (disposed)
        {
            await created.InvokeVoidAsync("dispose");
            await created.DisposeAsync();
            return;
        }

        map = created;
        await OnReady.InvokeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        try
        {
            if (map is not null)
            {
                await map.InvokeVoidAsync("dispose");
                await map.DisposeAsync();
            }

            if (module is not null)
            {
                await module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; so is the browser side.
        }

        map = null;
        self?.Dispose();
    }

    private async Task CallAsync(string method, params object?[] args)
    {
        if (map is not null)
        {
            await map.InvokeVoidAsync(method, args);
        }
    }

    private object BuildOptions(MapInitialView view)
    {
        var options = Options.Value;
        var layers = Layers ?? new LayerState();
        return new
        {
            tileUrl = Navigation.ToAbsoluteUri("api/tiles/").ToString() + "{layer}/{z}/{x}/{y}.pbf",
            extent = ToArray(view.Extent),
            center = view.CenterLongitude is { } lon && view.CenterLatitude is { } lat ? new[] { lon, lat } : null,
            zoom = view.Zoom,
            visible = new Dictionary<string, bool>
            {
                [MapLayers.Grids] = layers.Grids,
                [MapLayers.Communities] = layers.Communities,
                [MapLayers.Streets] = layers.Streets,
                [MapLayers.Components] = layers.Components,
                [MapLayers.Cases] = layers.Cases,
                ["base"] = layers.Base && options.HasBaseLayer && options.BaseLayerVisible,
            },
            majors = layers.Majors.ToArray(),
            minZooms = new { grids = MapLayers.GridsMinZoom, communities = MapLayers.CommunitiesMinZoom, components = MapLayers.ComponentsMinZoom },
            styles = new
            {
                majors = Styles.Majors.ToDictionary(m => m.Key, m => new { color = m.Value.Color, shape = m.Value.Shape }),
                fallback = new { color = Styles.Extension.Color, shape = Styles.Extension.Shape },
                statuses = Styles.Statuses.ToDictionary(s => s.Key.ToString(), s => s.Value),
            },
            baseLayer = options.HasBaseLayer
                ? new { url = options.BaseLayerUrl, attribution = options.BaseLayerAttribution, subdomains = options.BaseLayerSubdomains, maxZoom = options.BaseLayerMaxZoom }
                : null,
        };
    }

    private static double[] ToArray(MapExtent e) => [e.MinX, e.MinY, e.MaxX, e.MaxY];

    /// <summary>Which layers are on. <see cref="Majors"/> are the component major classes shown ("01" … and extensions).</summary>
    public sealed class LayerState
    {
        public bool Grids { get; set; } = true;

        public bool Communities { get; set; } = true;

        public bool Streets { get; set; } = true;

        public bool Components { get; set; } = true;

        public bool Cases { get; set; } = true;

        public bool Base { get; set; } = true;

        public HashSet<string> Majors { get; init; } = [.. Styles.Majors.Keys];
    }

    /// <summary>The symbols of the map and its legend: one colour and shape per component major class, one colour per case status.</summary>
    public static class Styles
    {
        public static readonly IReadOnlyDictionary<string, Symbol> Majors = new Dictionary<string, Symbol>
        {
            ["01"] = new("#1565c0", "circle"),
            ["02"] = new("#ef6c00", "square"),
            ["03"] = new("#6d4c41", "triangle"),
            ["04"] = new("#2e7d32", "diamond"),
            ["05"] = new("#6a1b9a", "hexagon"),
            ["06"] = new("#546e7a", "square"),
        };

        /// <summary>扩展部件 classes defined locally.</summary>
        public static readonly Symbol Extension = new("#00838f", "circle");

        public static readonly IReadOnlyDictionary<CaseStatus, string> Statuses = new Dictionary<CaseStatus, string>
        {
            [CaseStatus.Reported] = "#607d8b",
            [CaseStatus.PendingVerification] = "#fbc02d",
            [CaseStatus.PendingFiling] = "#ff9800",
            [CaseStatus.PendingDispatch] = "#e53935",
            [CaseStatus.InDisposal] = "#1e88e5",
            [CaseStatus.PendingCheck] = "#8e24aa",
            [CaseStatus.PendingClose] = "#43a047",
        };

        public static Symbol For(string major) => Majors.GetValueOrDefault(major, Extension);
    }

    public sealed record Symbol(string Color, string Shape);
}

/// <summary>A click on the map. <see cref="MetresPerPixel"/> turns a pixel tolerance into metres at the click.</summary>
public sealed record MapClick(double Longitude, double Latitude, double Zoom, double MetresPerPixel)
{
    public double ToleranceMetres(double pixels) => Math.Max(1, MetresPerPixel * pixels);
}

/// <summary>What <see cref="MapPicker"/> reports: the clicked point and the nearest component there, if any.</summary>
public sealed record MapPickResult(double Longitude, double Latitude, Guid? ComponentId, string? ComponentCode, string? ComponentName);

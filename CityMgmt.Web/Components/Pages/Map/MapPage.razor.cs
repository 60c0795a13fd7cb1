using CityMgmt.Domain.Categories;
using CityMgmt.Infrastructure.Geo.VectorTiles;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Web.Components.Shared;
using CityMgmt.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CityMgmt.Web.Components.Pages.Map;

/// <summary>案件地图: the county on the offline map; find a grid by code, click a component or a case to see it.</summary>
public sealed partial class MapPage
{
    /// <summary>How near (in screen pixels) a symbol must be to the click to count as clicked.</summary>
    private const double ClickPixels = 9;

    private MapView? map;
    private StaffContext? staff;
    private MapView.LayerState layers = new();
    private List<(string Code, string Name)> majorClasses = [];
    private bool hasBaseLayer;
    private string? search;
    private List<GridHit> candidates = [];
    private GridOutline? grid;
    private ComponentDetail? component;
    private MapCaseRow? pickedCase;

    [Inject]
    private StaffSession Session { get; set; } = null!;

    [Inject]
    private MapQueries Queries { get; set; } = null!;

    [Inject]
    private BaseDataQueries BaseData { get; set; } = null!;

    [Inject]
    private IOptions<MapOptions> Options { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        staff = await Session.RequireAsync();
        hasBaseLayer = Options.Value.HasBaseLayer;
        majorClasses = [.. (await BaseData.CategoriesAsync())
            .Where(c => c is { Kind: CategoryKind.Component, IsMinor: false })
            .Select(c => (c.MajorCode, c.Name))];
        layers = new MapView.LayerState { Base = Options.Value.BaseLayerVisible, Majors = [.. majorClasses.Select(m => m.Code)] };
    }

    private async Task SearchKeyAsync(KeyboardEventArgs e)
    {
        if (e.Key is "Enter" or "NumpadEnter")
        {
            await LocateAsync();
        }
    }

    private async Task LocateAsync()
    {
        candidates = [];
        if (string.IsNullOrWhiteSpace(search))
        {
            return;
        }

        if (await Queries.FindGridAsync(search) is { } exact)
        {
            await ShowAsync(exact);
            return;
        }

        var hits = await Queries.SearchGridsAsync(search);
        if (hits.Count == 1)
        {
            await ShowGridAsync(hits[0].Code);
        }
        else if (hits.Count == 0)
        {
            Snackbar.Add($"未找到编码或名称匹配“{search.Trim()}”的单元网格", Severity.Warning);
        }
        else
        {
            candidates = hits;
        }
    }

    private async Task ShowGridAsync(string code)
    {
        if (await Queries.FindGridAsync(code) is { } outline)
        {
            await ShowAsync(outline);
        }
    }

    private async Task ShowAsync(GridOutline outline)
    {
        grid = outline;
        candidates = [];
        if (map is not null)
        {
            await map.FitAsync(outline.Extent, maxZoom: 18);
            await map.HighlightAsync(outline.Ring);
        }
    }

    private async Task ClickedAsync(MapClick click)
    {
        var componentsShown = layers.Components && click.Zoom >= MapLayers.ComponentsMinZoom;
        var pick = await Queries.PickAsync(
            staff!.Scope, click.Longitude, click.Latitude, click.ToleranceMetres(ClickPixels), componentsShown ? layers.Majors : [], layers.Cases);
        pickedCase = pick.Case;
        component = pick.Component is { } hit ? await Queries.ComponentAsync(staff.Scope, hit.Id) : null;
        if (map is not null)
        {
            await map.SetMarkerAsync(component?.Longitude ?? pickedCase?.Longitude, component?.Latitude ?? pickedCase?.Latitude);
        }
    }

    private async Task LayerChangedAsync((string Layer, bool Visible) change)
    {
        if (map is not null)
        {
            await map.SetLayerVisibleAsync(change.Layer, change.Visible);
        }
    }

    private async Task MajorsChangedAsync()
    {
        if (map is not null)
        {
            await map.SetMajorsAsync(layers.Majors);
        }
    }

    private async Task RefreshCasesAsync()
    {
        if (map is not null)
        {
            await map.RefreshAsync(MapLayers.Cases);
        }
    }
}

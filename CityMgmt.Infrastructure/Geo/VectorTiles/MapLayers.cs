namespace CityMgmt.Infrastructure.Geo.VectorTiles;

/// <summary>The vector tile layers the app serves, one layer per tile request.</summary>
public static class MapLayers
{
    public const string Grids = "grids";
    public const string Communities = "communities";
    public const string Streets = "streets";
    public const string Components = "components";
    public const string Cases = "cases";

    /// <summary>From this zoom every component is in its tile; between <see cref="ComponentsMinZoom"/> and here they are thinned.</summary>
    public const int ComponentsFullZoom = 15;

    public const int ComponentsMinZoom = 13;

    public const int GridsMinZoom = 12;

    public const int CommunitiesMinZoom = 9;

    public static IReadOnlyList<string> All { get; } = [Grids, Communities, Streets, Components, Cases];

    public static bool IsKnown(string layer) => All.Contains(layer);

    /// <summary>Base data is the same for every user and changes rarely: its tiles are cached.</summary>
    public static bool IsBaseData(string layer) => layer != Cases;

    /// <summary>Below this zoom the layer's tile is empty (features would be sub-pixel clutter).</summary>
    public static int MinZoom(string layer) => layer switch
    {
        Grids => GridsMinZoom,
        Communities => CommunitiesMinZoom,
        Components => ComponentsMinZoom,
        _ => 0,
    };
}

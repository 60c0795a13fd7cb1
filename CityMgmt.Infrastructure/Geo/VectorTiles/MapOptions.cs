namespace CityMgmt.Infrastructure.Geo.VectorTiles;

/// <summary>
/// Section "Map". The app draws its own vector tiles, so no setting is needed to work offline; a raster base
/// layer (an intranet GeoServer, or 天地图 with a key) is optional and off while <see cref="BaseLayerUrl"/> is empty.
/// </summary>
public sealed class MapOptions
{
    public const string Section = "Map";

    /// <summary>XYZ template with {z}/{x}/{y} (and optional {s}), e.g. a WMTS KVP address with TILEMATRIX={z}&amp;TILEROW={y}&amp;TILECOL={x}.</summary>
    public string BaseLayerUrl { get; set; } = string.Empty;

    public string BaseLayerAttribution { get; set; } = string.Empty;

    /// <summary>Characters substituted for {s}, e.g. "01234567" for 天地图's t0…t7 hosts.</summary>
    public string BaseLayerSubdomains { get; set; } = "abc";

    public int BaseLayerMaxZoom { get; set; } = 18;

    /// <summary>Whether a configured base layer starts switched on (users can toggle it in the layer list).</summary>
    public bool BaseLayerVisible { get; set; } = true;

    /// <summary>Initial view; when unset the map fits the county's extent computed from the data.</summary>
    public double? CenterLongitude { get; set; }

    public double? CenterLatitude { get; set; }

    public int? Zoom { get; set; }

    /// <summary>Memory budget of the base-data tile cache.</summary>
    public int TileCacheMegabytes { get; set; } = 64;

    public bool HasBaseLayer => !string.IsNullOrWhiteSpace(BaseLayerUrl);
}

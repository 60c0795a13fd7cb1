using CityMgmt.Domain.Divisions;
using CityMgmt.Domain.Organisation;

namespace CityMgmt.Infrastructure.Geo.VectorTiles;

/// <summary>Serves the map's vector tiles: base-data layers through <see cref="TileCache"/>, cases fresh and scoped per user.</summary>
public sealed class VectorTileService(TileFeatureSource source, TileCache cache)
{
    public const string ContentType = "application/vnd.mapbox-vector-tile";

    /// <summary>The tile's bytes (zero bytes when it holds nothing). Case tiles need the user's scope; without one they are empty.</summary>
    public async Task<byte[]> GetAsync(string layer, TileAddress tile, DataScope? scope, CancellationToken ct = default)
    {
        if (!MapLayers.IsBaseData(layer))
        {
            return await RenderAsync(layer, tile, scope, ct);
        }

        if (cache.TryGet(layer, tile, out var cached))
        {
            return cached;
        }

        var generation = cache.Generation;
        var bytes = await RenderAsync(layer, tile, scope, ct);
        cache.Set(layer, tile, bytes, generation);
        return bytes;
    }

    /// <summary>Renders without the cache (benchmarks, and the case layer).</summary>
    public async Task<byte[]> RenderAsync(string layer, TileAddress tile, DataScope? scope, CancellationToken ct = default)
    {
        if (!MapLayers.IsKnown(layer))
        {
            throw new ArgumentException($"Unknown map layer '{layer}'.", nameof(layer));
        }

        if (tile.Z < MapLayers.MinZoom(layer))
        {
            return [];
        }

        return layer switch
        {
            MapLayers.Grids => await source.GridsAsync(tile, ct),
            MapLayers.Communities => await source.DivisionsAsync(tile, DivisionLevel.Community, layer, ct),
            MapLayers.Streets => await source.DivisionsAsync(tile, DivisionLevel.Street, layer, ct),
            MapLayers.Components => await source.ComponentsAsync(tile, ct),
            _ => await source.CasesAsync(tile, scope ?? DataScope.Nothing, ct),
        };
    }

    /// <summary>Base data changed: drop every cached tile.</summary>
    public void Invalidate() => cache.Invalidate();
}

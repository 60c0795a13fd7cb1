using CityMgmt.Infrastructure.Geo.VectorTiles;
using NetTopologySuite.Features;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using TileId = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace CityMgmt.Tests.Infrastructure.Geo.VectorTiles;

/// <summary>Reads our tiles back with the package's own reader: what a map client would see.</summary>
internal static class TileDecoding
{
    public static IReadOnlyList<IFeature> Features(byte[] bytes, TileAddress tile, string layer)
    {
        if (bytes.Length == 0)
        {
            return [];
        }

        using var stream = new MemoryStream(bytes);
        var decoded = new MapboxTileReader().Read(stream, new TileId(tile.X, tile.Y, tile.Z));
        return decoded.Layers.SingleOrDefault(l => l.Name == layer)?.Features.ToList() ?? [];
    }

    public static string Text(this IFeature feature, string name) => feature.Attributes[name]?.ToString() ?? string.Empty;
}

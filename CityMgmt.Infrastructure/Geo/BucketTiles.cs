namespace CityMgmt.Infrastructure.Geo;

/// <summary>
/// Sparse storage for a bucket grid over a county: buckets are grouped in 32 × 32 tiles and only tiles
/// holding data get slots, so towns far apart cost memory (and cache) for their own area only. Slots of
/// one tile row are consecutive: slot = tile × 1024 + row-in-tile × 32 + column-in-tile.
/// </summary>
internal sealed class BucketTiles
{
    public const int Shift = 5;
    public const int Mask = (1 << Shift) - 1;
    private const int PerTile = 1 << (2 * Shift);

    private readonly int[] _tiles;
    private readonly int _tilesX;

    public BucketTiles(int nx, int ny, IEnumerable<(int Ix, int Iy)> occupied)
    {
        _tilesX = (nx + Mask) >> Shift;
        _tiles = new int[_tilesX * ((ny + Mask) >> Shift)];
        Array.Fill(_tiles, -1);
        foreach (var (ix, iy) in occupied)
        {
            ref var tile = ref _tiles[((iy >> Shift) * _tilesX) + (ix >> Shift)];
            if (tile < 0)
            {
                tile = TileCount++;
            }
        }
    }

    public int TileCount { get; }

    public int SlotCount => TileCount * PerTile;

    /// <summary>The bucket's slot, or -1 when its tile holds nothing.</summary>
    public int Slot(long ix, long iy)
    {
        var tile = _tiles[((iy >> Shift) * _tilesX) + (ix >> Shift)];
        return tile < 0 ? -1 : (tile << (2 * Shift)) | (int)((iy & Mask) << Shift) | (int)(ix & Mask);
    }
}

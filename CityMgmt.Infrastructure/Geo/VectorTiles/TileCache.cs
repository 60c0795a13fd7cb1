using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CityMgmt.Infrastructure.Geo.VectorTiles;

/// <summary>
/// Encoded base-data tiles in memory, bounded by <see cref="MapOptions.TileCacheMegabytes"/>. Whoever changes base
/// data (map edits, imports) calls <see cref="Invalidate"/>; a tile rendered from data read before that call is not kept.
/// </summary>
public sealed class TileCache : IDisposable
{
    private readonly MemoryCache _tiles;
    private readonly string _instance = Guid.NewGuid().ToString("N")[..8];
    private long _generation;
    private readonly Lock _gate = new();
    private Measured? _componentSpan;
    private (long Generation, Task<ComponentSnapshot> Load)? _components;

    public TileCache(IOptions<MapOptions> options)
    {
        var megabytes = Math.Max(1, options.Value.TileCacheMegabytes);
        _tiles = new MemoryCache(new MemoryCacheOptions { SizeLimit = megabytes * 1024L * 1024L, CompactionPercentage = 0.25 });
    }

    /// <summary>Bumped by every invalidation.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>An HTTP entity tag for base-data tiles: changes when the data may have changed or the app restarted.</summary>
    public string ETag => $"\"{_instance}-{Generation}\"";

    public int Count => _tiles.Count;

    public bool TryGet(string layer, TileAddress tile, out byte[] bytes) =>
        _tiles.TryGetValue((layer, tile), out bytes!);

    /// <summary>Keeps <paramref name="bytes"/> unless the cache was invalidated after <paramref name="generation"/> was read.</summary>
    public void Set(string layer, TileAddress tile, byte[] bytes, long generation)
    {
        if (generation != Generation)
        {
            return;
        }

        _tiles.Set((layer, tile), bytes, new MemoryCacheEntryOptions { Size = Math.Max(64, bytes.Length) });
        if (generation != Generation)
        {
            _tiles.Remove((layer, tile));
        }
    }

    /// <summary>
    /// The widest component's east-west extent, measured once per generation: a lower bound for MinX lets the database
    /// scan only a narrow slice of its (MinX, MinY, MaxX, MaxY) index instead of everything west of the tile.
    /// </summary>
    public async ValueTask<double> ComponentSpanAsync(CityDbContext db, CancellationToken ct)
    {
        var generation = Generation;
        if (_componentSpan is { } known && known.Generation == generation)
        {
            return known.Value;
        }

        var span = await db.Components.MaxAsync(c => (double?)(c.MaxX - c.MinX), ct) ?? 0;
        _componentSpan = new Measured(generation, span);
        return span;
    }

    /// <summary>
    /// The components of the current generation, loaded once however many tiles ask at the same time. A failed or
    /// outdated load is started again by the next caller.
    /// </summary>
    public Task<ComponentSnapshot> ComponentsAsync(Func<Task<ComponentSnapshot>> load)
    {
        lock (_gate)
        {
            var generation = Generation;
            if (_components is not { } current || current.Generation != generation || current.Load.IsFaulted || current.Load.IsCanceled)
            {
                _components = current = (generation, load());
            }

            return current.Load;
        }
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _tiles.Clear();
    }

    public void Dispose() => _tiles.Dispose();

    private sealed record Measured(long Generation, double Value);
}

using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Geocoding;
using CityMgmt.Infrastructure.Identity;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.Extensions.Logging;

namespace CityMgmt.Infrastructure.Geo;

/// <summary>
/// <see cref="IGeocoder"/> over a <see cref="SpatialIndex"/> snapshot. The snapshot is built on first use and
/// again on the first use after <see cref="Invalidate"/>; callers meanwhile wait for the new one (so a
/// change is visible to the next call), and a finished snapshot is swapped in atomically.
/// </summary>
public sealed class Geocoder(ContextOptionsHolder options, TimeProvider clock, ILogger<Geocoder> logger) : IGeocoder, IDisposable
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _snapshot;
    private int _version;

    /// <summary>The current snapshot, for hot loops that call its synchronous methods directly.</summary>
    public ValueTask<SpatialIndex> GetIndexAsync(CancellationToken ct = default)
    {
        var snapshot = _snapshot;
        return snapshot is not null && snapshot.Version == Volatile.Read(ref _version)
            ? ValueTask.FromResult(snapshot.Index)
            : new ValueTask<SpatialIndex>(RebuildAsync(ct));
    }

    public async Task<PointLocation> LocateAsync(GeoPoint point, CancellationToken ct = default) =>
        (await GetIndexAsync(ct)).Locate(point);

    public async Task<IReadOnlyList<NearbyComponent>> NearestComponentsAsync(
        GeoPoint point, double radiusMetres, int max, Guid? categoryId = null, CancellationToken ct = default) =>
        (await GetIndexAsync(ct)).Nearest(point, radiusMetres, max, categoryId);

    public async Task<IReadOnlyList<AddressMatch>> GeocodeAsync(string address, CancellationToken ct = default) =>
        (await GetIndexAsync(ct)).Geocode(address);

    public async Task<string> DescribeAsync(GeoPoint point, CancellationToken ct = default) =>
        (await GetIndexAsync(ct)).Describe(point);

    public void Invalidate() => Interlocked.Increment(ref _version);

    public void Dispose() => _gate.Dispose();

    private async Task<SpatialIndex> RebuildAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var version = Volatile.Read(ref _version);
            if (_snapshot is { } current && current.Version == version)
            {
                return current.Index;
            }

            await using var db = new CityDbContextFactory(options, SystemUser.Instance).CreateDbContext();
            var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);
            var index = await SpatialIndexLoader.LoadAsync(db, today, ct);
            _snapshot = new Snapshot(index, version);
            logger.LogInformation(
                "Geocoding index built: {Grids} grids, {Components} components, {Names} gazetteer names in {Ms} ms",
                index.GridCount, index.ComponentCount, index.GazetteerNames, (long)index.BuildTime.TotalMilliseconds);
            return index;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record Snapshot(SpatialIndex Index, int Version);
}

using CityMgmt.Domain.Divisions;
using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Geocoding;

namespace CityMgmt.Infrastructure.Geo;

/// <summary>
/// An immutable in-memory snapshot of the geocoding data: unit grids, communities and streets in bucket
/// grids (<see cref="PolygonBuckets"/>), components as points (<see cref="PointBuckets"/>, one over all and
/// one per class), and the gazetteer. Safe to share between threads; <see cref="Geocoder"/> swaps in a new
/// one after <see cref="IGeocoder.Invalidate"/>. The synchronous methods are the fast path for hot loops.
/// </summary>
/// <remarks>
/// Boundary rule: a point on an edge or vertex shared by several unit grids belongs to the grid with the
/// lowest code (ordinal); the same rule picks among communities and streets. A point in a grid's hole
/// belongs to the grid filling the hole, else to no grid.
/// </remarks>
public sealed class SpatialIndex
{
    private readonly PolygonBuckets _grids;
    private readonly PolygonBuckets _communities;
    private readonly PolygonBuckets _streets;
    private readonly PointLocation[] _gridLocations;
    private readonly PointLocation[] _communityLocations;
    private readonly PointLocation[] _streetLocations;
    private readonly ComponentRow[] _components;
    private readonly PointBuckets _allComponents;
    private readonly Dictionary<Guid, PointBuckets> _componentsByClass;

    internal SpatialIndex(SpatialData data, TimeSpan loadTime)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var divisions = data.Divisions.ToDictionary(d => d.Id);
        var subCentres = data.SubCentres.OrderBy(s => s.Code, StringComparer.Ordinal)
            .GroupBy(s => s.StreetId).ToDictionary(g => g.Key, g => g.First().Id);
        string? NameOf(Guid? id) => id is { } key && divisions.TryGetValue(key, out var d) ? d.Name : null;
        Guid? SubCentreOf(Guid? street) => street is { } key && subCentres.TryGetValue(key, out var s) ? s : null;

        var grids = data.Grids.OrderBy(g => g.Code, StringComparer.Ordinal).ToArray();
        _grids = new PolygonBuckets(grids.Select(g => g.Shape).ToList());
        _gridLocations = grids.Select(g => new PointLocation(
            g.Id, g.Code, g.CommunityId, NameOf(g.CommunityId), g.StreetId, NameOf(g.StreetId), g.ResponsibilityGridId,
            g.ResponsibilityGridId is { } r ? data.Supervisors.GetValueOrDefault(r) : null, SubCentreOf(g.StreetId))).ToArray();

        var communities = Areas(data, DivisionLevel.Community);
        _communities = new PolygonBuckets(communities.Select(c => c.Shape!).ToList());
        _communityLocations = communities.Select(c => new PointLocation(
            null, null, c.Id, c.Name, c.ParentId, NameOf(c.ParentId), null, null, SubCentreOf(c.ParentId))).ToArray();

        var streets = Areas(data, DivisionLevel.Street);
        _streets = new PolygonBuckets(streets.Select(s => s.Shape!).ToList());
        _streetLocations = streets.Select(s => new PointLocation(null, null, null, null, s.Id, s.Name, null, null, SubCentreOf(s.Id))).ToArray();

        _components = data.Components.ToArray();
        var xs = _components.Select(c => c.X).ToArray();
        var ys = _components.Select(c => c.Y).ToArray();
        _allComponents = new PointBuckets(xs, ys);
        _componentsByClass = Enumerable.Range(0, _components.Length).GroupBy(i => _components[i].CategoryId)
            .ToDictionary(g => g.Key, g => new PointBuckets(xs, ys, g.ToArray()));

        Gazetteer = new GazetteerIndex(data.Gazetteer, data.Divisions.Select(d => d.Name));
        BuildTime = loadTime + watch.Elapsed;
    }

    public int GridCount => _grids.Count;

    public int ComponentCount => _components.Length;

    public int GazetteerNames => Gazetteer.Count;

    /// <summary>Share of grid buckets answered without a point-in-polygon test.</summary>
    public double PureBucketShare => _grids.PureShare;

    /// <summary>Reading the data plus building the structures.</summary>
    public TimeSpan BuildTime { get; }

    internal GazetteerIndex Gazetteer { get; }

    /// <summary>
    /// Grid, community, street, responsibility grid, supervisor and sub-centre of a point. Outside every grid
    /// the community and street polygons are tried (grid fields null); outside them all, <see cref="PointLocation.Outside"/>.
    /// Allocation-free: results are precomputed per grid.
    /// </summary>
    public PointLocation Locate(double longitude, double latitude)
    {
        var grid = _grids.Locate(longitude, latitude);
        if (grid >= 0)
        {
            return _gridLocations[grid];
        }

        var community = _communities.Locate(longitude, latitude);
        if (community >= 0)
        {
            return _communityLocations[community];
        }

        var street = _streets.Locate(longitude, latitude);
        return street >= 0 ? _streetLocations[street] : PointLocation.Outside;
    }

    public PointLocation Locate(GeoPoint point) => Locate(point.Longitude, point.Latitude);

    /// <summary>
    /// The nearest components within <paramref name="radiusMetres"/>, nearest first, as many as <paramref name="hits"/>
    /// holds; only of minor class <paramref name="categoryId"/> when given. Returns how many were found.
    /// </summary>
    public int Nearest(double longitude, double latitude, double radiusMetres, Span<PointHit> hits, Guid? categoryId = null)
    {
        var buckets = categoryId is { } id ? _componentsByClass.GetValueOrDefault(id) : _allComponents;
        return buckets?.Nearest(longitude, latitude, radiusMetres, hits) ?? 0;
    }

    public NearbyComponent Component(PointHit hit)
    {
        var c = _components[hit.Item];
        return new NearbyComponent(c.Id, c.Code, c.Name, c.CategoryId, c.OwnerDepartmentId, hit.DistanceMetres);
    }

    public IReadOnlyList<NearbyComponent> Nearest(GeoPoint point, double radiusMetres, int max, Guid? categoryId = null)
    {
        if (max <= 0)
        {
            return [];
        }

        var hits = new PointHit[Math.Min(max, 10_000)];
        var count = Nearest(point.Longitude, point.Latitude, radiusMetres, hits, categoryId);
        return hits.Take(count).Select(Component).ToList();
    }

    public IReadOnlyList<AddressMatch> Geocode(string? address) => AddressMatcher.Match(Gazetteer, address);

    /// <summary>"人民路12号附近" (an address point within 80 m), "人民路附近" (a road within 150 m), "文庙社区附近", or "辖区外".</summary>
    public string Describe(GeoPoint point)
    {
        if (Gazetteer.NearestAddress(point.Longitude, point.Latitude, 80) is { } address)
        {
            return address.Place.Name + "附近";
        }

        if (Gazetteer.NearestRoad(point.Longitude, point.Latitude, 150) is { } road)
        {
            return road.Road.Name + "附近";
        }

        var location = Locate(point);
        return location.CommunityName is { } community ? community + "附近"
            : location.StreetName is { } street ? street + "附近"
            : "辖区外";
    }

    private static DivisionRow[] Areas(SpatialData data, DivisionLevel level) =>
        data.Divisions.Where(d => d.Level == level && d.Shape is not null && !d.Shape.IsEmpty)
            .OrderBy(d => d.Code, StringComparer.Ordinal).ToArray();
}

using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Geocoding;
using NetTopologySuite.Geometries;
using NetTopologySuite.LinearReferencing;

namespace CityMgmt.Infrastructure.Geo;

/// <summary>A named position the matcher can return.</summary>
internal sealed record Place(string Name, GeoPoint Point, GazetteerKind Kind);

/// <summary>A road: its entries merged, its midpoint, its segments for distance tests.</summary>
internal sealed record Road(string Name, Geometry Shape, GeoPoint Midpoint);

/// <summary>The gazetteer in memory: names and aliases, house numbers per road, address points for reverse lookups.</summary>
internal sealed class GazetteerIndex
{
    private readonly Dictionary<string, List<(Place Place, double Confidence)>> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedList<int, GeoPoint>> _houses = new(StringComparer.Ordinal);
    private readonly List<Place> _pois = [];
    private readonly Place[] _addresses;
    private readonly PointBuckets _addressBuckets;

    public GazetteerIndex(IReadOnlyList<GazetteerEntry> entries, IEnumerable<string> divisionNames)
    {
        AdminNames = divisionNames.Select(AddressText.Normalise).Where(n => n.Length >= 2).Distinct().OrderByDescending(n => n.Length).ToArray();
        Roads = entries.Where(e => e.Kind == GazetteerKind.Road && e.Shape is not null)
            .GroupBy(e => AddressText.Normalise(e.Name), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => MakeRoad(g.First().Name, g.Select(e => e.Shape!).ToList()), StringComparer.Ordinal);
        foreach (var road in Roads.Values)
        {
            AddName(AddressText.Normalise(road.Name), new Place(road.Name, road.Midpoint, GazetteerKind.Road), 0.9);
        }

        var addresses = new List<Place>();
        foreach (var entry in entries.Where(e => e.Kind != GazetteerKind.Road && e.Shape is Point))
        {
            var point = (Point)entry.Shape!;
            var place = new Place(entry.Name, new GeoPoint(point.X, point.Y), entry.Kind);
            AddName(AddressText.Normalise(entry.Name), place, 1.0);
            foreach (var alias in (entry.Aliases ?? string.Empty).Split([',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                AddName(AddressText.Normalise(alias), place, 0.95);
            }

            if (entry is { Kind: GazetteerKind.AddressPoint, RoadName: { } roadName, HouseNumber: { } number })
            {
                addresses.Add(place);
                var key = AddressText.Normalise(roadName);
                if (!_houses.TryGetValue(key, out var numbers))
                {
                    _houses[key] = numbers = [];
                }

                numbers.TryAdd(number, place.Point);
                continue;
            }

            _pois.Add(place);
            var normalised = AddressText.Normalise(entry.Name);
            var shortName = StripAdminPrefix(normalised);
            if (shortName != normalised && shortName.Length >= 2)
            {
                AddName(shortName, place, 0.9);
            }
        }

        _addresses = addresses.ToArray();
        _addressBuckets = new PointBuckets(_addresses.Select(a => a.Point.Longitude).ToArray(), _addresses.Select(a => a.Point.Latitude).ToArray());
    }

    /// <summary>County, street and community names, longest first, for stripping "示范县城关街道…" prefixes.</summary>
    public IReadOnlyList<string> AdminNames { get; }

    public IReadOnlyDictionary<string, Road> Roads { get; }

    public int Count => _names.Count;

    public IReadOnlyList<(Place Place, double Confidence)> ByName(string name) =>
        _names.TryGetValue(name, out var list) ? list : [];

    /// <summary>POIs and landmarks whose name contains <paramref name="text"/>.</summary>
    public IEnumerable<Place> Containing(string text) => _pois.Where(p => AddressText.Normalise(p.Name).Contains(text, StringComparison.Ordinal));

    /// <summary>The house numbers of a road (number → position), or null when it has none.</summary>
    public SortedList<int, GeoPoint>? HouseNumbers(string road) => _houses.GetValueOrDefault(road);

    public (Place Place, double DistanceMetres)? NearestAddress(double lon, double lat, double radiusMetres)
    {
        Span<PointHit> hit = stackalloc PointHit[1];
        return _addressBuckets.Nearest(lon, lat, radiusMetres, hit) == 1 ? (_addresses[hit[0].Item], hit[0].DistanceMetres) : null;
    }

    public (Road Road, double DistanceMetres)? NearestRoad(double lon, double lat, double radiusMetres)
    {
        var plane = LocalPlane.At(lon, lat);
        (Road Road, double DistanceMetres)? best = null;
        foreach (var road in Roads.Values)
        {
            var d = DistanceTo(plane, road.Shape);
            if (d <= radiusMetres && (best is null || d < best.Value.DistanceMetres))
            {
                best = (road, d);
            }
        }

        return best;
    }

    /// <summary>Removes the leading county/street/community names ("示范县第一中学" → "第一中学").</summary>
    public string StripAdminPrefix(string text)
    {
        var stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (var name in AdminNames)
            {
                if (text.Length > name.Length && text.StartsWith(name, StringComparison.Ordinal))
                {
                    (text, stripped) = (text[name.Length..], true);
                    break;
                }
            }
        }

        return text;
    }

    private static double DistanceTo(LocalPlane plane, Geometry line)
    {
        var best = double.MaxValue;
        for (var g = 0; g < line.NumGeometries; g++)
        {
            var coords = line.GetGeometryN(g).Coordinates;
            for (var i = 1; i < coords.Length; i++)
            {
                best = Math.Min(best, plane.DistanceToSegment(coords[i - 1].X, coords[i - 1].Y, coords[i].X, coords[i].Y));
            }
        }

        return best;
    }

    private void AddName(string name, Place place, double confidence)
    {
        if (name.Length == 0)
        {
            return;
        }

        if (!_names.TryGetValue(name, out var list))
        {
            _names[name] = list = [];
        }

        if (!list.Exists(p => p.Place.Point == place.Point))
        {
            list.Add((place, confidence));
        }
    }

    private static Road MakeRoad(string name, List<Geometry> parts)
    {
        var shape = parts.Count == 1 ? parts[0] : parts[0].Factory.BuildGeometry(parts).Union();

        // Half the length measured in metres, not degrees.
        var centre = shape.EnvelopeInternal.Centre;
        var plane = LocalPlane.At(centre.X, centre.Y);
        var local = shape.Copy();
        local.Apply(new ToPlane(plane));
        local.GeometryChanged();
        var mid = new LengthIndexedLine(local).ExtractPoint(local.Length / 2);
        var (lon, lat) = plane.ToLonLat(mid.X, mid.Y);
        return new Road(name, shape, new GeoPoint(lon, lat));
    }

    private sealed class ToPlane(LocalPlane plane) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                var (x, y) = plane.ToMetres(seq.GetX(i), seq.GetY(i));
                seq.SetX(i, x);
                seq.SetY(i, y);
            }
        }
    }
}

using System.Text.RegularExpressions;
using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Geocoding;

namespace CityMgmt.Infrastructure.Geo;

/// <summary>
/// Address text → positions (domain.md §3). Understands, after dropping "附近" and leading division names
/// (省/市/县/街道/社区): road + house number ("人民路12号", interpolated between neighbouring numbers of the
/// same side), POI and landmark names and aliases ("示范县第一中学", "第一中学"), a road alone (its
/// midpoint), junctions ("人民路与建设路路口", "人民路建设路口", "人民路口"), and any of these followed by a
/// direction and a distance ("人民路口东50米", "第一中学西南三十米", "人民路12号北1.5公里").
/// </summary>
internal static partial class AddressMatcher
{
    private static readonly string[] NearbySuffixes = ["附近", "旁边", "周边", "一带", "对面", "旁"];
    private static readonly string[] JunctionSuffixes = ["十字路口", "交叉路口", "交叉口", "交汇处", "路口", "口", ""];
    private static readonly string[] Connectors = ["与", "和", "、", "/", "交"];

    public static List<AddressMatch> Match(GazetteerIndex gazetteer, string? text)
    {
        var normalised = StripNearby(AddressText.Normalise(text));
        foreach (var candidate in WithoutPrefixes(gazetteer, normalised))
        {
            var matches = Direction(gazetteer, candidate) ?? Resolve(gazetteer, candidate);
            if (matches.Count > 0)
            {
                return matches
                    .DistinctBy(m => (Math.Round(m.Point.Longitude, 6), Math.Round(m.Point.Latitude, 6)))
                    .OrderByDescending(m => m.Confidence)
                    .ToList();
            }
        }

        return [];
    }

    /// <summary>The text as given, then with one more leading division name removed each time.</summary>
    private static IEnumerable<string> WithoutPrefixes(GazetteerIndex gazetteer, string text)
    {
        while (text.Length > 0)
        {
            yield return text;
            var known = gazetteer.AdminNames.FirstOrDefault(n => text.Length > n.Length && text.StartsWith(n, StringComparison.Ordinal));
            var generic = known is null ? GenericDivision().Match(text) : null;
            if (known is not null)
            {
                text = text[known.Length..];
            }
            else if (generic is { Success: true } && generic.Length < text.Length)
            {
                text = text[generic.Length..];
            }
            else
            {
                yield break;
            }
        }
    }

    private static List<AddressMatch>? Direction(GazetteerIndex gazetteer, string text)
    {
        var m = DirectionPhrase().Match(text);
        if (!m.Success || !AddressText.TryParseNumber(m.Groups["num"].Value, out var distance))
        {
            return null;
        }

        var anchors = Resolve(gazetteer, m.Groups["place"].Value);
        if (anchors.Count == 0)
        {
            return null;
        }

        var unit = m.Groups["unit"].Value;
        var metres = distance * (unit is "米" or "m" ? 1 : 1000);
        var dir = m.Groups["dir"].Value;
        var (east, north) = Unit(dir);
        var diagonal = dir.Length == 2 ? Math.Sqrt(0.5) : 1;
        return anchors.Select(a =>
        {
            var (lon, lat) = GeoMetrics.Offset(a.Point.Longitude, a.Point.Latitude, east * diagonal * metres, north * diagonal * metres);
            return new AddressMatch(new GeoPoint(lon, lat), $"{a.Description}{dir}{m.Groups["num"].Value}{unit}", a.MatchedKind, a.Confidence * 0.95);
        }).ToList();
    }

    /// <summary>A place without direction: house number, name/alias, junction, road, partial POI name.</summary>
    private static List<AddressMatch> Resolve(GazetteerIndex gazetteer, string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var house = HouseNumber().Match(text);
        if (house.Success && int.TryParse(house.Groups["num"].ValueSpan, out var number))
        {
            var found = House(gazetteer, house.Groups["road"].Value, number);
            if (found is not null)
            {
                return [found];
            }
        }

        var named = gazetteer.ByName(text).Select(p => new AddressMatch(p.Place.Point, p.Place.Name, p.Place.Kind, p.Confidence)).ToList();
        if (named.Count > 0)
        {
            return named;
        }

        var junctions = Junctions(gazetteer, text);
        if (junctions.Count > 0)
        {
            return junctions;
        }

        return text.Length < 2
            ? []
            : gazetteer.Containing(text).Take(6).Select(p => new AddressMatch(p.Point, p.Name, p.Kind, 0.5)).ToList();
    }

    private static AddressMatch? House(GazetteerIndex gazetteer, string road, int number)
    {
        var numbers = gazetteer.HouseNumbers(road);
        if (numbers is null)
        {
            return null;
        }

        var roadName = gazetteer.Roads.TryGetValue(road, out var r) ? r.Name : road;
        if (numbers.TryGetValue(number, out var exact))
        {
            return new AddressMatch(exact, $"{roadName}{number}号", GazetteerKind.AddressPoint, 1.0);
        }

        // Same side of the road (odd/even), between the nearest lower and higher numbers.
        (int Number, GeoPoint Point)? below = null, above = null;
        foreach (var (n, p) in numbers)
        {
            if (n % 2 != number % 2)
            {
                continue;
            }

            if (n < number)
            {
                below = (n, p);
            }
            else if (above is null)
            {
                above = (n, p);
            }
        }

        if (below is not { } lo || above is not { } hi)
        {
            return null;
        }

        var t = (double)(number - lo.Number) / (hi.Number - lo.Number);
        var point = new GeoPoint(
            lo.Point.Longitude + (t * (hi.Point.Longitude - lo.Point.Longitude)),
            lo.Point.Latitude + (t * (hi.Point.Latitude - lo.Point.Latitude)));
        return new AddressMatch(point, $"{roadName}{number}号", GazetteerKind.AddressPoint, 0.8);
    }

    /// <summary>"A与B路口", "AB路口", "A路口" (every junction of A, the one nearest A's midpoint first).</summary>
    private static List<AddressMatch> Junctions(GazetteerIndex gazetteer, string text)
    {
        foreach (var (nameA, a) in gazetteer.Roads)
        {
            if (!text.StartsWith(nameA, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = text[nameA.Length..];
            if (rest.Length > 0 && Array.IndexOf(JunctionSuffixes, rest) >= 0)
            {
                var all = gazetteer.Roads.Values.Where(b => b != a)
                    .SelectMany(b => Crossings(a, b).Select(p => new AddressMatch(p, $"{a.Name}与{b.Name}路口", GazetteerKind.Landmark, 0)))
                    .OrderBy(m => GeoMetrics.DistanceMetres(m.Point, a.Midpoint))
                    .ToList();
                return all.Select((m, i) => m with { Confidence = all.Count == 1 ? 0.9 : 0.6 - (0.01 * i) }).ToList();
            }

            var connector = Connectors.FirstOrDefault(c => rest.StartsWith(c, StringComparison.Ordinal));
            rest = connector is null ? rest : rest[connector.Length..];
            foreach (var (nameB, b) in gazetteer.Roads)
            {
                if (b != a && rest.StartsWith(nameB, StringComparison.Ordinal) && Array.IndexOf(JunctionSuffixes, rest[nameB.Length..]) >= 0)
                {
                    return Crossings(a, b).Select(p => new AddressMatch(p, $"{a.Name}与{b.Name}路口", GazetteerKind.Landmark, 0.95)).ToList();
                }
            }
        }

        return [];
    }

    private static IEnumerable<GeoPoint> Crossings(Road a, Road b) =>
        a.Shape.EnvelopeInternal.Intersects(b.Shape.EnvelopeInternal)
            ? a.Shape.Intersection(b.Shape).Coordinates.Select(c => new GeoPoint(c.X, c.Y)).Distinct()
            : [];

    private static (double East, double North) Unit(string direction) => (
        direction.Contains('东', StringComparison.Ordinal) ? 1 : direction.Contains('西', StringComparison.Ordinal) ? -1 : 0,
        direction.Contains('北', StringComparison.Ordinal) ? 1 : direction.Contains('南', StringComparison.Ordinal) ? -1 : 0);

    private static string StripNearby(string text)
    {
        foreach (var suffix in NearbySuffixes)
        {
            if (text.Length > suffix.Length && text.EndsWith(suffix, StringComparison.Ordinal))
            {
                return text[..^suffix.Length];
            }
        }

        return text;
    }

    [GeneratedRegex(@"^(?<place>.+?)(?<dir>东南|东北|西南|西北|东|南|西|北)(?:侧|方|面|边)?(?:方向)?约?(?<num>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)(?<unit>米|m|公里|千米|km)(?:处|左右)?$")]
    private static partial Regex DirectionPhrase();

    [GeneratedRegex(@"^(?<road>.+?)(?<num>\d{1,5})号(?:院|楼)?$")]
    private static partial Regex HouseNumber();

    // Divisions not in our own table ("四川省", "成都市", "武侯区", "某某街道"); tried only after the longer text failed.
    [GeneratedRegex(@"^.{2,8}?(?:省|自治区|特别行政区)|^.{1,8}?(?:市(?!场)|自治州|地区|盟)|^.{1,6}?(?:县|区|街道|镇|乡|村)")]
    private static partial Regex GenericDivision();
}

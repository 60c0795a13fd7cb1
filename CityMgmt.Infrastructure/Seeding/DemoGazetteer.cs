using CityMgmt.Domain.Divisions;
using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Geocoding;
using NetTopologySuite.Geometries;

namespace CityMgmt.Infrastructure.Seeding;

/// <summary>
/// The demo county's 地名地址 data: roads on grid lines of the county town (east–west and north–south),
/// house numbers every 30 m on both sides (numbers rise west→east and south→north; odd on the left,
/// i.e. north or west side, even on the right), each junction as a landmark ("人民路与建设路路口"),
/// and about thirty POIs; each township gets a main street (正街), its government and health centre.
/// </summary>
internal static class DemoGazetteer
{
    private const double Spacing = 30, SideOffset = 12, ClearOfJunction = 20;

    // Names from DemoLayout.RoadNames: east–west roads south→north, north–south roads west→east.
    private static readonly string[] EastWest = [RoadName(6), RoadName(0), RoadName(1), RoadName(3), RoadName(5), RoadName(7)];
    private static readonly string[] NorthSouth = [RoadName(10), RoadName(2), RoadName(4), RoadName(11), RoadName(8), RoadName(9)];

    /// <summary>POIs placed by their position in the town's extent (0–1 east, 0–1 north); aliases comma-separated.</summary>
    private static readonly (string Name, double Fx, double Fy, string? Aliases)[] Pois =
    [
        ("示范县人民政府", 0.52, 0.55, "县政府"),
        ("示范县城市管理局", 0.47, 0.57, "县城管局"),
        ("示范县公安局", 0.58, 0.46, "县公安局"),
        ("示范县人民法院", 0.62, 0.62, null),
        ("示范县人民检察院", 0.65, 0.60, null),
        ("示范县人民医院", 0.36, 0.42, "县医院,人民医院"),
        ("示范县中医医院", 0.70, 0.35, "中医院"),
        ("示范县妇幼保健院", 0.28, 0.66, null),
        ("示范县第一中学", 0.22, 0.78, "县一中,一中"),
        ("示范县第二中学", 0.81, 0.72, "县二中,二中"),
        ("示范县职业中学", 0.88, 0.22, "职中"),
        ("示范县实验小学", 0.43, 0.71, "实验小学"),
        ("城关小学", 0.55, 0.31, null),
        ("东城小学", 0.84, 0.47, null),
        ("西城小学", 0.14, 0.38, null),
        ("示范县机关幼儿园", 0.49, 0.83, null),
        ("城东农贸市场", 0.77, 0.53, "东门菜市场"),
        ("西城农贸市场", 0.18, 0.52, null),
        ("北门菜市场", 0.45, 0.92, null),
        ("人民公园", 0.40, 0.50, null),
        ("滨河公园", 0.60, 0.08, null),
        ("东湖公园", 0.93, 0.62, null),
        ("文化广场", 0.56, 0.68, null),
        ("示范县图书馆", 0.32, 0.58, "图书馆"),
        ("示范县体育馆", 0.74, 0.84, "体育馆"),
        ("示范县汽车客运站", 0.08, 0.18, "汽车站,客运站"),
        ("示范县邮政局", 0.50, 0.44, "邮局"),
        ("新华书店", 0.46, 0.48, null),
        ("锦绣商业广场", 0.66, 0.50, null),
        ("示范县消防救援大队", 0.27, 0.25, "消防队"),
        ("西城街道办事处", 0.16, 0.62, null),
        ("城关街道办事处", 0.50, 0.20, null),
        ("东城街道办事处", 0.83, 0.30, null),
    ];

    public static List<GazetteerEntry> Build(DemoGeography geography)
    {
        var streets = geography.Divisions.Where(d => d.Level == DivisionLevel.Street).ToList();
        var town = new Envelope();
        foreach (var street in streets.Where(s => !s.IsTownship))
        {
            town.ExpandToInclude(street.Shape!.EnvelopeInternal);
        }

        var entries = new List<GazetteerEntry>();
        var cols = (int)Math.Round(town.Width / DemoLayout.CellLon);
        var rows = (int)Math.Round(town.Height / DemoLayout.CellLat);
        var ew = Lines(rows, Math.Min(EastWest.Length, rows / 3)).Select((r, i) => new Line(EastWest[i], true, Y(town, r), town.MinX, town.MaxX)).ToList();
        var ns = Lines(cols, Math.Min(NorthSouth.Length, cols / 4)).Select((c, i) => new Line(NorthSouth[i], false, X(town, c), town.MinY, town.MaxY)).ToList();
        foreach (var road in ew.Concat(ns))
        {
            var crossings = (road.EastWest ? ns : ew).Select(o => o.At).ToList();
            AddRoad(entries, streets, road, crossings);
        }

        foreach (var a in ew)
        {
            foreach (var b in ns)
            {
                var junction = PointAt(b.At, a.At);
                entries.Add(GazetteerEntry.Create(GazetteerKind.Landmark, $"{a.Name}与{b.Name}路口", junction,
                    aliases: $"{b.Name}与{a.Name}路口,{a.Name}{b.Name}路口", streetId: StreetAt(streets, junction)).Value);
            }
        }

        foreach (var (name, fx, fy, aliases) in Pois)
        {
            var point = PointAt(town.MinX + (fx * town.Width), town.MinY + (fy * town.Height));
            entries.Add(GazetteerEntry.Create(GazetteerKind.Poi, name, point, aliases: aliases, streetId: StreetAt(streets, point)).Value);
        }

        foreach (var township in geography.Townships)
        {
            AddTownship(entries, streets, township);
        }

        return entries;
    }

    private static void AddTownship(List<GazetteerEntry> entries, List<AdminDivision> streets, AdminDivision township)
    {
        var env = township.Shape!.EnvelopeInternal;
        var prefix = township.Name[..2];
        var main = new Line(prefix + "正街", true, Math.Round(env.Centre.Y, 7), env.MinX, env.MaxX);
        AddRoad(entries, streets, main, []);
        entries.Add(GazetteerEntry.Create(GazetteerKind.Poi, township.Name + "人民政府", PointAt(env.Centre.X, env.MinY + (env.Height * 0.6)),
            aliases: prefix + "镇政府", streetId: township.Id).Value);
        entries.Add(GazetteerEntry.Create(GazetteerKind.Poi, township.Name + "卫生院", PointAt(env.MinX + (env.Width * 0.3), env.MinY + (env.Height * 0.4)),
            streetId: township.Id).Value);
    }

    /// <summary>The road line and its house numbers, leaving out positions in the junctions.</summary>
    private static void AddRoad(List<GazetteerEntry> entries, List<AdminDivision> streets, Line road, List<double> crossings)
    {
        var (start, end) = road.EastWest ? (PointAt(road.From, road.At), PointAt(road.To, road.At)) : (PointAt(road.At, road.From), PointAt(road.At, road.To));
        var line = GeoConstants.Factory.CreateLineString([start.Coordinate, end.Coordinate]);
        entries.Add(GazetteerEntry.Create(GazetteerKind.Road, road.Name, line, streetId: StreetAt(streets, line.Centroid)).Value);

        var perMetre = road.EastWest ? 1 / GeoMetrics.MetresPerDegreeLongitude(road.At) : 1 / GeoMetrics.MetresPerDegreeLatitude(road.From);
        var sidePerMetre = road.EastWest ? 1 / GeoMetrics.MetresPerDegreeLatitude(road.At) : 1 / GeoMetrics.MetresPerDegreeLongitude(road.From);
        var length = (road.To - road.From) / perMetre;
        for (var i = 0; (Spacing / 2) + (i * Spacing) < length; i++)
        {
            var along = road.From + (((Spacing / 2) + (i * Spacing)) * perMetre);
            if (crossings.Any(c => Math.Abs(c - along) / perMetre < ClearOfJunction))
            {
                continue;
            }

            // Left of the direction of travel: north of an east–west road, west of a north–south one.
            foreach (var (number, side) in new[] { ((2 * i) + 1, 1), ((2 * i) + 2, -1) })
            {
                var offset = side * SideOffset * sidePerMetre;
                var point = road.EastWest ? PointAt(along, road.At + offset) : PointAt(road.At - offset, along);
                entries.Add(GazetteerEntry.Create(GazetteerKind.AddressPoint, $"{road.Name}{number}号", point, road.Name, number,
                    streetId: StreetAt(streets, point)).Value);
            }
        }
    }

    /// <summary>Positions of <paramref name="count"/> evenly spaced lines across <paramref name="cells"/> cells.</summary>
    private static IEnumerable<int> Lines(int cells, int count) =>
        Enumerable.Range(1, Math.Max(count, 1)).Select(k => (int)Math.Round((double)cells * k / (Math.Max(count, 1) + 1)));

    private static double X(Envelope town, int col) => Math.Round(town.MinX + (col * DemoLayout.CellLon), 7);

    private static double Y(Envelope town, int row) => Math.Round(town.MinY + (row * DemoLayout.CellLat), 7);

    private static Point PointAt(double x, double y) => GeoConstants.Factory.CreatePoint(new Coordinate(Math.Round(x, 7), Math.Round(y, 7)));

    private static Guid? StreetAt(List<AdminDivision> streets, Geometry point) =>
        streets.FirstOrDefault(s => s.Shape!.Covers(point))?.Id;

    private static string RoadName(int index) => DemoLayout.RoadNames[index];

    private sealed record Line(string Name, bool EastWest, double At, double From, double To);
}

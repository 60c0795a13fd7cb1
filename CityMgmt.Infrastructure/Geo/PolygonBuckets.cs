using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace CityMgmt.Infrastructure.Geo;

/// <summary>
/// Point-in-polygon over many non-overlapping polygons: a uniform bucket grid over their extent. Each
/// bucket keeps the polygons touching it in priority order and, when one polygon covers the whole bucket
/// and no other reaches inside it, that polygon as the answer ("pure" bucket): most lookups are then two
/// array reads. Points near a bucket edge, and buckets with several polygons, run the exact test
/// (NTS indexed point-in-area, boundary counted as inside). The first polygon in priority order that
/// covers the point wins, so a point on a shared edge or vertex always gets the same one.
/// </summary>
internal sealed class PolygonBuckets
{
    // Margin, as a fraction of a bucket, inside which the pure shortcut is not trusted (≈ 0.03 mm for 25 m buckets).
    private const double Margin = 1e-6;
    // Empty tiles cost nothing; the cap only keeps the virtual grid's arithmetic in range.
    private const double MaxBuckets = 64_000_000;

    private readonly IPointOnGeometryLocator[] _locators;
    private readonly double _minX, _minY, _invX, _invY;
    private readonly int _nx, _ny;

    // _cells[slot]: -1 empty, else offset into _lists where [pure item or -1, count, items…].
    private readonly BucketTiles _tiles;
    private readonly int[] _cells;
    private readonly int[] _lists;

    /// <param name="shapes">Polygons in priority order (index = item id; the earlier wins on shared boundaries).</param>
    public PolygonBuckets(IReadOnlyList<Geometry> shapes, int bucketsPerPolygonSide = 4)
    {
        _locators = shapes.Select(s => (IPointOnGeometryLocator)new IndexedPointInAreaLocator(s)).ToArray();
        for (var i = 0; i < shapes.Count; i++)
        {
            // The locator builds its segment index on first use: do it now, so lookups on other threads only read.
            _locators[i].Locate(shapes[i].Coordinate);
        }

        Count = shapes.Count;
        if (shapes.Count == 0)
        {
            (_nx, _ny, _tiles, _cells, _lists) = (0, 0, new BucketTiles(0, 0, []), [], []);
            return;
        }

        var extent = new Envelope();
        foreach (var shape in shapes)
        {
            extent.ExpandToInclude(shape.EnvelopeInternal);
        }

        // Bucket size from the typical polygon: a quarter of its median width/height.
        var sizeX = Median(shapes.Select(s => s.EnvelopeInternal.Width)) / bucketsPerPolygonSide;
        var sizeY = Median(shapes.Select(s => s.EnvelopeInternal.Height)) / bucketsPerPolygonSide;
        sizeX = sizeX > 0 ? sizeX : Math.Max(extent.Width, 1e-6);
        sizeY = sizeY > 0 ? sizeY : Math.Max(extent.Height, 1e-6);
        while (((Math.Floor(extent.Width / sizeX) + 1) * (Math.Floor(extent.Height / sizeY) + 1)) > MaxBuckets)
        {
            (sizeX, sizeY) = (sizeX * 1.5, sizeY * 1.5);
        }

        (_minX, _minY) = (extent.MinX, extent.MinY);
        (_nx, _ny) = ((int)Math.Floor(extent.Width / sizeX) + 1, (int)Math.Floor(extent.Height / sizeY) + 1);
        (_invX, _invY) = (1 / sizeX, 1 / sizeY);
        (_tiles, _cells, _lists) = Fill(shapes, sizeX, sizeY);
    }

    public int Count { get; }

    /// <summary>Buckets actually stored (occupied tiles × 1024).</summary>
    public int BucketCount => _cells.Length;

    public double PureShare { get; private set; }

    /// <summary>The item covering the point (first in priority order), or -1.</summary>
    public int Locate(double x, double y)
    {
        var fx = (x - _minX) * _invX;
        var fy = (y - _minY) * _invY;
        if (!(fx >= 0 && fx < _nx && fy >= 0 && fy < _ny))
        {
            return -1;
        }

        var (ix, iy) = ((int)fx, (int)fy);
        var slot = _tiles.Slot(ix, iy);
        var offset = slot < 0 ? -1 : _cells[slot];
        if (offset < 0)
        {
            return -1;
        }

        var pure = _lists[offset];
        if (pure >= 0)
        {
            var (rx, ry) = (fx - ix, fy - iy);
            if (rx > Margin && rx < 1 - Margin && ry > Margin && ry < 1 - Margin)
            {
                return pure;
            }
        }

        return Exact(offset, x, y);
    }

    private int Exact(int offset, double x, double y)
    {
        var point = new Coordinate(x, y);
        var end = offset + 2 + _lists[offset + 1];
        for (var k = offset + 2; k < end; k++)
        {
            var item = _lists[k];
            if (_locators[item].Locate(point) != Location.Exterior)
            {
                return item;
            }
        }

        return -1;
    }

    private (BucketTiles Tiles, int[] Cells, int[] Lists) Fill(IReadOnlyList<Geometry> shapes, double sizeX, double sizeY)
    {
        var factory = shapes[0].Factory;
        var candidates = new Dictionary<long, List<(int Item, bool Covers)>>();
        for (var item = 0; item < shapes.Count; item++)
        {
            var prepared = PreparedGeometryFactory.Prepare(shapes[item]);
            var env = shapes[item].EnvelopeInternal;
            var (x0, x1) = (Clamp((env.MinX - _minX) * _invX - (2 * Margin), _nx), Clamp((env.MaxX - _minX) * _invX + (2 * Margin), _nx));
            var (y0, y1) = (Clamp((env.MinY - _minY) * _invY - (2 * Margin), _ny), Clamp((env.MaxY - _minY) * _invY + (2 * Margin), _ny));
            for (var iy = y0; iy <= y1; iy++)
            {
                for (var ix = x0; ix <= x1; ix++)
                {
                    if (!prepared.Intersects(Rectangle(factory, ix, iy, sizeX, sizeY, 2 * Margin)))
                    {
                        continue;
                    }

                    var bucket = ((long)iy * _nx) + ix;
                    if (!candidates.TryGetValue(bucket, out var list))
                    {
                        candidates[bucket] = list = [];
                    }

                    list.Add((item, prepared.Covers(Rectangle(factory, ix, iy, sizeX, sizeY, 0))));
                }
            }
        }

        var tiles = new BucketTiles(_nx, _ny, candidates.Keys.Select(b => ((int)(b % _nx), (int)(b / _nx))));
        var cells = new int[tiles.SlotCount];
        Array.Fill(cells, -1);
        var lists = new List<int>(candidates.Count * 4);
        var pureCount = 0;
        foreach (var (bucket, list) in candidates.OrderBy(c => c.Key))
        {
            var pure = PureItem(shapes, list, bucket, sizeX, sizeY);
            pureCount += pure >= 0 ? 1 : 0;
            cells[tiles.Slot(bucket % _nx, bucket / _nx)] = lists.Count;
            lists.Add(pure);
            lists.Add(list.Count);
            lists.AddRange(list.Select(c => c.Item));
        }

        PureShare = candidates.Count == 0 ? 0 : (double)pureCount / candidates.Count;
        return (tiles, cells, lists.ToArray());
    }

    /// <summary>The one item that covers the bucket when no other item reaches inside it (shrunk by the margin), else -1.</summary>
    private int PureItem(IReadOnlyList<Geometry> shapes, List<(int Item, bool Covers)> list, long bucket, double sizeX, double sizeY)
    {
        var covering = list.FindIndex(c => c.Covers);
        if (covering < 0)
        {
            return -1;
        }

        if (list.Count == 1)
        {
            return list[0].Item;
        }

        var inner = Rectangle(shapes[0].Factory, (int)(bucket % _nx), (int)(bucket / _nx), sizeX, sizeY, -2 * Margin);
        for (var k = 0; k < list.Count; k++)
        {
            if (k != covering && shapes[list[k].Item].Intersects(inner))
            {
                return -1;
            }
        }

        return list[covering].Item;
    }

    private Polygon Rectangle(GeometryFactory factory, int ix, int iy, double sizeX, double sizeY, double grow)
    {
        var (x0, y0) = (_minX + ((ix - grow) * sizeX), _minY + ((iy - grow) * sizeY));
        var (x1, y1) = (_minX + ((ix + 1 + grow) * sizeX), _minY + ((iy + 1 + grow) * sizeY));
        return factory.CreatePolygon([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);
    }

    private static int Clamp(double f, int n) => (int)Math.Clamp(Math.Floor(f), 0, n - 1);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}

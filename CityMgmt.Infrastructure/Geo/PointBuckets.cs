using CityMgmt.Domain.Geo;

namespace CityMgmt.Infrastructure.Geo;

/// <summary>A point and its distance from the query point, in metres.</summary>
public readonly record struct PointHit(int Item, double DistanceMetres);

/// <summary>
/// Nearest-neighbour search over points: a uniform bucket grid (sparse tiles, coordinates copied in
/// bucket order for locality) searched ring by ring outwards, visiting only buckets within the current
/// best distance, until no closer point can exist. Distances
/// use the local tangent plane with the ellipsoid's radii at the query latitude (error below 0.01 % within
/// 1 km; callers search tens to hundreds of metres).
/// </summary>
internal sealed class PointBuckets
{
    private const double TargetPerBucket = 3;
    private const double MinSize = 5;

    // Empty tiles cost nothing; the cap only keeps the virtual grid's arithmetic in range.
    private const double MaxBuckets = 64_000_000;

    private readonly double _minX, _minY, _invX, _invY, _sizeX, _sizeY;
    private readonly int _nx, _ny;
    private readonly BucketTiles _tiles;
    private readonly int[] _start;
    private readonly int[] _items;
    private readonly double[] _xy; // x0, y0, x1, y1, … in bucket order
    private readonly double[] _kx, _ky;

    /// <param name="xs">Longitudes of all items.</param>
    /// <param name="ys">Latitudes of all items.</param>
    /// <param name="subset">The item ids to index (all when null).</param>
    public PointBuckets(double[] xs, double[] ys, IReadOnlyList<int>? subset = null)
    {
        var ids = subset ?? Enumerable.Range(0, xs.Length).ToArray();
        Count = ids.Count;
        if (ids.Count == 0)
        {
            (_tiles, _start, _items, _xy, _kx, _ky) = (new BucketTiles(0, 0, []), [0], [], [], [], []);
            return;
        }

        var (minX, minY, maxX, maxY) = (double.MaxValue, double.MaxValue, double.MinValue, double.MinValue);
        foreach (var id in ids)
        {
            (minX, maxX) = (Math.Min(minX, xs[id]), Math.Max(maxX, xs[id]));
            (minY, maxY) = (Math.Min(minY, ys[id]), Math.Max(maxY, ys[id]));
        }

        var midLat = (minY + maxY) / 2;
        var (mx, my) = (GeoMetrics.MetresPerDegreeLongitude(midLat), GeoMetrics.MetresPerDegreeLatitude(midLat));
        var size = ChooseSize(xs, ys, ids, minX, minY, Math.Max((maxX - minX) * mx, 1), Math.Max((maxY - minY) * my, 1), mx, my);
        (_minX, _minY, _sizeX, _sizeY) = (minX, minY, size / mx, size / my);
        (_invX, _invY) = (1 / _sizeX, 1 / _sizeY);
        (_nx, _ny) = ((int)Math.Floor((maxX - minX) * _invX) + 1, (int)Math.Floor((maxY - minY) * _invY) + 1);

        // Counting sort of the items by bucket slot.
        var cells = ids.Select(id => Cell(xs[id], ys[id])).ToArray();
        _tiles = new BucketTiles(_nx, _ny, cells);
        _start = new int[_tiles.SlotCount + 1];
        var slotOf = new int[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            slotOf[i] = _tiles.Slot(cells[i].Ix, cells[i].Iy);
            _start[slotOf[i] + 1]++;
        }

        for (var b = 0; b < _tiles.SlotCount; b++)
        {
            _start[b + 1] += _start[b];
        }

        var next = (int[])_start.Clone();
        (_items, _xy) = (new int[ids.Count], new double[2 * ids.Count]);
        for (var i = 0; i < ids.Count; i++)
        {
            var at = next[slotOf[i]]++;
            (_items[at], _xy[2 * at], _xy[(2 * at) + 1]) = (ids[i], xs[ids[i]], ys[ids[i]]);
        }

        // Metres per degree per bucket row: no trigonometry on the hot path.
        (_kx, _ky) = (new double[_ny], new double[_ny]);
        for (var row = 0; row < _ny; row++)
        {
            var lat = _minY + ((row + 0.5) * _sizeY);
            (_kx[row], _ky[row]) = (GeoMetrics.MetresPerDegreeLongitude(lat), GeoMetrics.MetresPerDegreeLatitude(lat));
        }
    }

    public int Count { get; }

    /// <summary>Buckets actually stored (occupied tiles × 1024).</summary>
    public int BucketCount => _tiles.SlotCount;

    /// <summary>
    /// Fills <paramref name="best"/> with the nearest items within <paramref name="radiusMetres"/>, nearest first
    /// (ties by item id); returns how many were found.
    /// </summary>
    public int Nearest(double x, double y, double radiusMetres, Span<PointHit> best)
    {
        if (best.Length == 0 || Count == 0 || !(radiusMetres >= 0) || !double.IsFinite(x) || !double.IsFinite(y))
        {
            return 0;
        }

        var fx = (x - _minX) * _invX;
        var fy = (y - _minY) * _invY;
        var row = (int)Math.Clamp(Math.Floor(fy), 0, _ny - 1);
        var (kx, ky) = (_kx[row], _ky[row]);
        var (bx, by) = (_sizeX * kx, _sizeY * ky);
        var (cx, cy) = ((long)Math.Floor(fx), (long)Math.Floor(fy));
        var search = new Search(best, radiusMetres * radiusMetres);
        var query = new Query(x, y, fx, fy, kx, ky, bx, by);
        for (long r = 0; ; r++)
        {
            if (r > 0)
            {
                // Nearest possible distance to any bucket of ring r: the edge of the block already searched.
                var inX = Math.Min(fx - (cx - r + 1), cx + r - fx) * bx;
                var inY = Math.Min(fy - (cy - r + 1), cy + r - fy) * by;
                var bound = Math.Max(0, Math.Min(inX, inY));
                if (bound * bound > search.Threshold)
                {
                    break;
                }
            }

            VisitRing(ref search, in query, cx, cy, r);
            if (cx - r <= 0 && cx + r >= _nx - 1 && cy - r <= 0 && cy + r >= _ny - 1)
            {
                break;
            }
        }

        for (var i = 0; i < search.Count; i++)
        {
            best[i] = best[i] with { DistanceMetres = Math.Sqrt(best[i].DistanceMetres) };
        }

        return search.Count;
    }

    /// <summary>
    /// The buckets of ring <paramref name="r"/> that can still hold a closer point: per row, only the columns within
    /// the current search radius (it shrinks as points are found).
    /// </summary>
    private void VisitRing(ref Search search, in Query q, long cx, long cy, long r)
    {
        for (var row = Math.Max(cy - r, 0); row <= Math.Min(cy + r, _ny - 1); row++)
        {
            var dy = Math.Max(0, Math.Max(row - q.Fy, q.Fy - (row + 1))) * q.By;
            var room = search.Threshold - (dy * dy);
            if (room < 0)
            {
                continue;
            }

            var half = Math.Sqrt(room) / q.Bx;
            var (lo, hi) = ((long)Math.Floor(q.Fx - half), (long)Math.Floor(q.Fx + half));
            if (row == cy - r || row == cy + r)
            {
                VisitRun(ref search, in q, row, Math.Max(Math.Max(cx - r, lo), 0), Math.Min(Math.Min(cx + r, hi), _nx - 1));
                continue;
            }

            if (cx - r >= Math.Max(lo, 0))
            {
                VisitRun(ref search, in q, row, cx - r, cx - r);
            }

            if (cx + r <= Math.Min(hi, _nx - 1))
            {
                VisitRun(ref search, in q, row, cx + r, cx + r);
            }
        }
    }

    /// <summary>Buckets first..last of one row: contiguous in the sorted arrays within each tile.</summary>
    private void VisitRun(ref Search search, in Query q, long row, long first, long last)
    {
        for (var from = first; from <= last; from = (from | BucketTiles.Mask) + 1)
        {
            var slot = _tiles.Slot(from, row);
            if (slot < 0)
            {
                continue;
            }

            var to = Math.Min(last, from | BucketTiles.Mask);
            var end = _start[slot + (int)(to - from) + 1];
            for (var j = _start[slot]; j < end; j++)
            {
                var dx = (_xy[2 * j] - q.X) * q.Kx;
                var dy = (_xy[(2 * j) + 1] - q.Y) * q.Ky;
                var d2 = (dx * dx) + (dy * dy);
                if (d2 <= search.Threshold)
                {
                    search.Offer(_items[j], d2);
                }
            }
        }
    }

    private (int Ix, int Iy) Cell(double x, double y) => (
        (int)Math.Clamp(Math.Floor((x - _minX) * _invX), 0, _nx - 1),
        (int)Math.Clamp(Math.Floor((y - _minY) * _invY), 0, _ny - 1));

    /// <summary>
    /// A bucket edge in metres giving about three points per occupied bucket; never below 5 m (stacked points
    /// would otherwise shrink it without end), and coarser only if the virtual grid would get too large.
    /// </summary>
    private static double ChooseSize(double[] xs, double[] ys, IReadOnlyList<int> ids, double minX, double minY, double width, double height, double mx, double my)
    {
        var size = Math.Max(MinSize, Math.Sqrt(width * height * TargetPerBucket / ids.Count));
        for (var pass = 0; pass < 4; pass++)
        {
            var occupied = new HashSet<long>();
            foreach (var id in ids)
            {
                occupied.Add(((long)((ys[id] - minY) * my / size) << 32) | (uint)(long)((xs[id] - minX) * mx / size));
            }

            var perBucket = (double)ids.Count / occupied.Count;
            var smaller = Math.Max(MinSize, size / Math.Sqrt(perBucket / TargetPerBucket));
            if (perBucket <= TargetPerBucket * 1.5 || smaller >= size)
            {
                break;
            }

            size = smaller;
        }

        while (((width / size) + 1) * ((height / size) + 1) > MaxBuckets)
        {
            size *= 1.25;
        }

        return size;
    }

    /// <summary>A query point in degrees and in bucket units, with metres per degree and per bucket.</summary>
    private readonly record struct Query(double X, double Y, double Fx, double Fy, double Kx, double Ky, double Bx, double By);

    /// <summary>The k best so far, kept sorted in the caller's span (distances squared until the end).</summary>
    private ref struct Search(Span<PointHit> best, double radiusSquared)
    {
        private readonly Span<PointHit> _best = best;

        public int Count { get; private set; }

        public double Threshold { get; private set; } = radiusSquared;

        public void Offer(int item, double d2)
        {
            int i;
            if (Count < _best.Length)
            {
                i = Count++;
            }
            else
            {
                var worst = _best[^1];
                if (d2 > worst.DistanceMetres || (d2 == worst.DistanceMetres && item >= worst.Item))
                {
                    return;
                }

                i = _best.Length - 1;
            }

            while (i > 0 && (_best[i - 1].DistanceMetres > d2 || (_best[i - 1].DistanceMetres == d2 && _best[i - 1].Item > item)))
            {
                _best[i] = _best[i - 1];
                i--;
            }

            _best[i] = new PointHit(item, d2);
            if (Count == _best.Length)
            {
                Threshold = _best[^1].DistanceMetres;
            }
        }
    }
}

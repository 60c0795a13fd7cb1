using NetTopologySuite.Geometries;

namespace CityMgmt.Infrastructure.Geo.VectorTiles;

/// <summary>
/// Writes one layer of a Mapbox Vector Tile (spec 2.1) feature by feature, without intermediate feature objects:
/// dense component tiles hold thousands of points and must render in a few milliseconds (ADR 0009). Geometries are
/// expected already clipped to the tile's buffered box; coordinates are longitude/latitude.
/// </summary>
internal sealed class MvtLayerBuilder(string name, TileAddress tile)
{
    public const uint Extent = 4096;

    private const uint MoveTo = 1, LineTo = 2, ClosePath = 7;
    private static readonly double Scale = Extent / (double)TileAddress.Size;

    private readonly List<string> _keys = new(8);
    private readonly Dictionary<string, uint> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<long, uint> _numbers = [];
    private readonly List<(int Kind, string Text, long Number)> _values = new(256);
    private readonly ProtoBuffer _features = new(64 * 1024);
    private readonly List<uint> _tags = new(16);
    private readonly List<uint> _geometry = new(64);
    private readonly List<(int X, int Y)> _points = new(64);
    private int _type;
    private int _true = -1, _false = -1;
    private int _cursorX, _cursorY;

    public int Count { get; private set; }

    public void Tag(string key, string value)
    {
        if (!_strings.TryGetValue(value, out var index))
        {
            _strings[value] = index = Add((1, value, 0));
        }

        Tag(key, index);
    }

    /// <summary>A value no other feature shares (e.g. an identifier): skips the de-duplication lookup.</summary>
    public void TagUnique(string key, string value) => Tag(key, Add((1, value, 0)));

    public void Tag(string key, long value)
    {
        if (!_numbers.TryGetValue(value, out var index))
        {
            _numbers[value] = index = Add((6, string.Empty, value));
        }

        Tag(key, index);
    }

    public void Tag(string key, bool value)
    {
        ref var index = ref value ? ref _true : ref _false;
        if (index < 0)
        {
            index = (int)Add((7, string.Empty, value ? 1 : 0));
        }

        Tag(key, (uint)index);
    }

    /// <summary>The position of a longitude/latitude in this tile's integer grid (0…4096 inside the tile).</summary>
    public (int X, int Y) ToTile(double longitude, double latitude)
    {
        var (x, y) = tile.PixelOf(longitude, latitude);
        return ((int)Math.Round(x * Scale), (int)Math.Round(y * Scale));
    }

    public void Point(double longitude, double latitude)
    {
        _type = 1;
        var (x, y) = ToTile(longitude, latitude);
        _geometry.Add(Command(MoveTo, 1));
        Move(x, y);
    }

    public void Geometry(Geometry geometry)
    {
        switch (geometry)
        {
            case Point p:
                Point(p.X, p.Y);
                break;
            case LineString line:
                Line(line.CoordinateSequence);
                break;
            case Polygon polygon:
                Polygon(polygon);
                break;
            case GeometryCollection collection:
                for (var i = 0; i < collection.NumGeometries; i++)
                {
                    Geometry(collection.GetGeometryN(i));
                }

                break;
        }
    }

    /// <summary>Writes the feature built since the last commit (dropped when its geometry collapsed to nothing).</summary>
    public void Commit()
    {
        if (_geometry.Count > 0 && _type != 0)
        {
            var tagsSize = ProtoBuffer.PackedSize(_tags);
            var geometrySize = ProtoBuffer.PackedSize(_geometry);
            var size = 1 + ProtoBuffer.VarintSize((ulong)tagsSize) + tagsSize + 2 + 1 + ProtoBuffer.VarintSize((ulong)geometrySize) + geometrySize;
            _features.Key(2, 2);
            _features.Varint((ulong)size);
            _features.Packed(2, _tags, tagsSize);
            _features.Key(3, 0);
            _features.Varint((ulong)_type);
            _features.Packed(4, _geometry, geometrySize);
            Count++;
        }

        _tags.Clear();
        _geometry.Clear();
        (_type, _cursorX, _cursorY) = (0, 0, 0);
    }

    /// <summary>
    /// The whole tile holding this one layer; zero bytes when no feature was written. Ends the builder: its pooled
    /// buffers go back, and the tile is the only array allocated here.
    /// </summary>
    public byte[] ToTile()
    {
        if (Count == 0)
        {
            _features.Release();
            return [];
        }

        var layer = new ProtoBuffer(_features.Length + 4096);
        try
        {
            layer.Key(15, 0);
            layer.Varint(2);
            layer.String(1, name);
            layer.Append(_features); // each feature already carries its field key (2) and length
            _features.Release();
            foreach (var key in _keys)
            {
                layer.String(3, key);
            }

            foreach (var (kind, text, number) in _values)
            {
                if (kind == 1)
                {
                    layer.Key(4, 2);
                    layer.Varint((ulong)ProtoBuffer.StringFieldSize(text));
                    layer.String(1, text);
                }
                else
                {
                    var raw = kind == 6 ? (ulong)((number << 1) ^ (number >> 63)) : (ulong)number;
                    layer.Key(4, 2);
                    layer.Varint((ulong)(1 + ProtoBuffer.VarintSize(raw)));
                    layer.Key(kind, 0);
                    layer.Varint(raw);
                }
            }

            layer.Key(5, 0);
            layer.Varint(Extent);

            // The tile message: field 3 (layers), length-delimited, then the layer.
            var length = (ulong)layer.Length;
            var tile = new byte[1 + ProtoBuffer.VarintSize(length) + layer.Length];
            var at = 0;
            tile[at++] = (3 << 3) | 2;
            while (length >= 0x80)
            {
                tile[at++] = (byte)(length | 0x80);
                length >>= 7;
            }

            tile[at++] = (byte)length;
            layer.Written.CopyTo(tile.AsSpan(at));
            return tile;
        }
        finally
        {
            layer.Release();
        }
    }

    private uint Add((int Kind, string Text, long Number) value)
    {
        _values.Add(value);
        return (uint)(_values.Count - 1);
    }

    /// <summary>Keys are a handful of literals: a reference check finds them faster than hashing.</summary>
    private void Tag(string key, uint value)
    {
        var k = -1;
        for (var i = 0; i < _keys.Count && k < 0; i++)
        {
            if (ReferenceEquals(_keys[i], key) || _keys[i] == key)
            {
                k = i;
            }
        }

        if (k < 0)
        {
            _keys.Add(key);
            k = _keys.Count - 1;
        }

        _tags.Add((uint)k);
        _tags.Add(value);
    }

    private void Line(CoordinateSequence sequence)
    {
        Collect(sequence, ring: false);
        if (_points.Count < 2)
        {
            return;
        }

        _type = 2;
        Path(closed: false);
    }

    private void Polygon(Polygon polygon)
    {
        if (!Ring(polygon.ExteriorRing.CoordinateSequence, exterior: true))
        {
            return;
        }

        _type = 3;
        foreach (var hole in polygon.InteriorRings)
        {
            Ring(hole.CoordinateSequence, exterior: false);
        }
    }

    /// <summary>Exterior rings have positive area in tile coordinates (y down), holes negative, as the spec requires.</summary>
    private bool Ring(CoordinateSequence sequence, bool exterior)
    {
        Collect(sequence, ring: true);
        if (_points.Count < 3)
        {
            return false;
        }

        long area = 0;
        for (int i = 0, j = _points.Count - 1; i < _points.Count; j = i++)
        {
            area += ((long)_points[j].X * _points[i].Y) - ((long)_points[i].X * _points[j].Y);
        }

        if (area == 0)
        {
            return false;
        }

        if ((area > 0) != exterior)
        {
            _points.Reverse();
        }

        Path(closed: true);
        return true;
    }

    /// <summary>Projects a sequence to distinct consecutive tile points (a ring without its closing point).</summary>
    private void Collect(CoordinateSequence sequence, bool ring)
    {
        _points.Clear();
        for (var i = 0; i < sequence.Count; i++)
        {
            var point = ToTile(sequence.GetX(i), sequence.GetY(i));
            if (_points.Count == 0 || _points[^1] != point)
            {
                _points.Add(point);
            }
        }

        if (ring && _points.Count > 1 && _points[0] == _points[^1])
        {
            _points.RemoveAt(_points.Count - 1);
        }
    }

    private void Path(bool closed)
    {
        _geometry.Add(Command(MoveTo, 1));
        Move(_points[0].X, _points[0].Y);
        _geometry.Add(Command(LineTo, _points.Count - 1));
        for (var i = 1; i < _points.Count; i++)
        {
            Move(_points[i].X, _points[i].Y);
        }

        if (closed)
        {
            _geometry.Add(Command(ClosePath, 1));
        }
    }

    private void Move(int x, int y)
    {
        _geometry.Add(ProtoBuffer.ZigZag(x - _cursorX));
        _geometry.Add(ProtoBuffer.ZigZag(y - _cursorY));
        (_cursorX, _cursorY) = (x, y);
    }

    private static uint Command(uint id, int count) => (id & 0x7) | ((uint)count << 3);
}

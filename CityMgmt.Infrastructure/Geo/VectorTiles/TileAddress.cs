using NetTopologySuite.Geometries;

namespace CityMgmt.Infrastructure.Geo.VectorTiles;

/// <summary>An XYZ (Google/OSM scheme, y down) web-mercator tile and the geographic box it covers.</summary>
public readonly record struct TileAddress(int Z, int X, int Y)
{
    public const int MaxZoom = 22;

    /// <summary>Tile pixels in the 256-pixel scheme the map uses.</summary>
    public const int Size = 256;

    public static bool IsValid(int z, int x, int y) =>
        z is >= 0 and <= MaxZoom && x >= 0 && y >= 0 && x < (1 << z) && y < (1 << z);

    public static TileAddress Containing(double longitude, double latitude, int zoom)
    {
        var (px, py) = ToWorldPixels(longitude, latitude, zoom);
        var max = (1 << zoom) - 1;
        return new(zoom, Math.Clamp((int)(px / Size), 0, max), Math.Clamp((int)(py / Size), 0, max));
    }

    /// <summary>Longitude/latitude bounds, grown by <paramref name="bufferPixels"/> of the 256-pixel tile on every side.</summary>
    public Envelope Bounds(double bufferPixels = 0)
    {
        var (west, north) = FromWorldPixels((X * Size) - bufferPixels, (Y * Size) - bufferPixels, Z);
        var (east, south) = FromWorldPixels(((X + 1) * Size) + bufferPixels, ((Y + 1) * Size) + bufferPixels, Z);
        return new Envelope(west, east, south, north);
    }

    /// <summary>The point's position in this tile's 256-pixel space (may lie outside 0…256).</summary>
    public (double X, double Y) PixelOf(double longitude, double latitude)
    {
        var (px, py) = ToWorldPixels(longitude, latitude, Z);
        return (px - (X * Size), py - (Y * Size));
    }

    public static (double X, double Y) ToWorldPixels(double longitude, double latitude, int zoom)
    {
        var scale = Size * Math.Pow(2, zoom);
        var sin = Math.Sin(Math.Clamp(latitude, -85.05112878, 85.05112878) * Math.PI / 180);
        var x = (longitude + 180) / 360 * scale;
        var y = (0.5 - (Math.Log((1 + sin) / (1 - sin)) / (4 * Math.PI))) * scale;
        return (x, y);
    }

    private static (double Longitude, double Latitude) FromWorldPixels(double x, double y, int zoom)
    {
        var scale = Size * Math.Pow(2, zoom);
        var longitude = (x / scale * 360) - 180;
        var n = Math.PI - (2 * Math.PI * y / scale);
        return (longitude, Math.Atan(Math.Sinh(n)) * 180 / Math.PI);
    }

    public override string ToString() => $"{Z}/{X}/{Y}";
}

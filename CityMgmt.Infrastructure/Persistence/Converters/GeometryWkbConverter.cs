using CityMgmt.Domain.Geo;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace CityMgmt.Infrastructure.Persistence.Converters;

/// <summary>Geometry ↔ WKB bytes: the EF NTS plugins are not available, so every provider stores a blob (ADR 0003).</summary>
public sealed class GeometryWkbConverter : ValueConverter<Geometry, byte[]>
{
    public GeometryWkbConverter()
        : base(g => Write(g), b => Read(b))
    {
    }

    public static byte[] Write(Geometry geometry) => new WKBWriter(ByteOrder.LittleEndian, handleSRID: false).Write(geometry);

    public static Geometry Read(byte[] bytes)
    {
        var geometry = new WKBReader(GeoConstants.Factory.GeometryServices).Read(bytes);
        geometry.SRID = GeoConstants.Srid;
        return geometry;
    }
}

public sealed class GeometryComparer : ValueComparer<Geometry>
{
    public GeometryComparer()
        : base((a, b) => a == null ? b == null : b != null && a.EqualsExact(b), g => g.GetHashCode(), g => g.Copy())
    {
    }
}

using System.Globalization;
using CityMgmt.Infrastructure.Persistence;
using NetTopologySuite.Geometries;

namespace CityMgmt.Infrastructure.Geo.Import.Writing;

/// <summary>
/// Copies validated values from a candidate onto the stored aggregate. The aggregates have no update verbs
/// for base-data attributes yet; the candidate was built by the aggregate's own factory, so every value
/// already passed its rules, and EF's property API writes them without a public setter.
/// </summary>
internal static class EntityPatch
{
    /// <summary>Sets <paramref name="property"/> on <paramref name="target"/> when it differs; returns (old, new) or null when equal.</summary>
    public static (object? Old, object? New)? Set<T>(CityDbContext db, T target, T source, string property)
        where T : class
    {
        var entry = db.Entry(target).Property(property);
        var oldValue = entry.CurrentValue;
        var newValue = entry.Metadata.GetGetter().GetClrValue(source);
        if (Equal(oldValue, newValue))
        {
            return null;
        }

        entry.CurrentValue = newValue;
        return (oldValue, newValue);
    }

    /// <summary>Moves the geometry and its bounding-box columns together.</summary>
    public static (Geometry? Old, Geometry New)? SetShape<T>(CityDbContext db, T target, T source)
        where T : Domain.Geo.SpatialAggregate
    {
        // Normalised: a shapefile stores rings clockwise, so the same polygon can come back with its vertices reordered.
        if (source.Shape is null || (target.Shape is not null && target.Shape.Normalized().EqualsExact(source.Shape.Normalized(), 1e-9)))
        {
            return null;
        }

        var old = target.Shape;
        var entry = db.Entry(target);
        entry.Property(e => e.Shape).CurrentValue = source.Shape;
        entry.Property(e => e.MinX).CurrentValue = source.MinX;
        entry.Property(e => e.MinY).CurrentValue = source.MinY;
        entry.Property(e => e.MaxX).CurrentValue = source.MaxX;
        entry.Property(e => e.MaxY).CurrentValue = source.MaxY;
        return (old, source.Shape);
    }

    /// <summary>How a geometry reads in a change record: a point as "lon,lat", anything else as WKT (cut to the column).</summary>
    public static string Describe(Geometry? geometry) => geometry switch
    {
        null => string.Empty,
        Point p => string.Create(CultureInfo.InvariantCulture, $"{p.X:F7},{p.Y:F7}"),
        _ => geometry.AsText(),
    };

    private static bool Equal(object? a, object? b) => a switch
    {
        null => b is null,
        double x when b is double y => Math.Abs(x - y) < 1e-6,
        _ => a.Equals(b),
    };
}

using CityMgmt.Domain.Common;
using CityMgmt.Domain.Geo;
using CityMgmt.Infrastructure.Persistence.Converters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityMgmt.Infrastructure.Persistence.Configurations;

internal static class ConfigurationExtensions
{
    public static void ConfigureAudit<T>(this EntityTypeBuilder<T> builder)
        where T : Entity
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.CreatedBy).HasMaxLength(64);
        builder.Property(e => e.ModifiedBy).HasMaxLength(64);
    }

    public static void ConfigureAggregate<T>(this EntityTypeBuilder<T> builder)
        where T : AggregateRoot
    {
        builder.ConfigureAudit();
        builder.Property(e => e.Version).IsConcurrencyToken();
    }

    /// <summary>WKB geometry plus indexed bounding-box columns (ADR 0003).</summary>
    public static void ConfigureSpatial<T>(this EntityTypeBuilder<T> builder)
        where T : SpatialAggregate
    {
        builder.ConfigureAggregate();
        builder.Property(e => e.Shape)
            .HasConversion(new GeometryWkbConverter()!, new GeometryComparer())
            .HasColumnName("ShapeWkb");
        builder.HasIndex(e => new { e.MinX, e.MinY, e.MaxX, e.MaxY });
    }

    public static PropertyBuilder<TEnum> AsString<TEnum>(this PropertyBuilder<TEnum> property)
        where TEnum : struct, Enum =>
        property.HasConversion<string>().HasMaxLength(32);

    public static PropertyBuilder<TEnum?> AsString<TEnum>(this PropertyBuilder<TEnum?> property)
        where TEnum : struct, Enum =>
        property.HasConversion<string>().HasMaxLength(32);
}

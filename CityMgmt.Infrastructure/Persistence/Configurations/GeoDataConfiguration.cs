using CityMgmt.Domain.Components;
using CityMgmt.Domain.Divisions;
using CityMgmt.Domain.Geocoding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityMgmt.Infrastructure.Persistence.Configurations;

internal sealed class GazetteerConfiguration : IEntityTypeConfiguration<GazetteerEntry>
{
    public void Configure(EntityTypeBuilder<GazetteerEntry> builder)
    {
        builder.ToTable("Gazetteer");
        builder.ConfigureSpatial();
        builder.Property(e => e.Kind).AsString();
        builder.Property(e => e.Name).HasMaxLength(GazetteerEntry.NameMaxLength);
        builder.Property(e => e.RoadName).HasMaxLength(GazetteerEntry.NameMaxLength);
        builder.Property(e => e.Aliases).HasMaxLength(200);
        builder.HasIndex(e => new { e.Kind, e.Name });
        builder.HasIndex(e => new { e.RoadName, e.HouseNumber });
        builder.HasOne<AdminDivision>().WithMany().HasForeignKey(e => e.StreetId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ComponentChangeConfiguration : IEntityTypeConfiguration<ComponentChange>
{
    public void Configure(EntityTypeBuilder<ComponentChange> builder)
    {
        builder.ToTable("ComponentChanges");
        builder.ConfigureAudit();
        builder.Property(e => e.Kind).AsString();
        builder.Property(e => e.Source).AsString();
        builder.Property(e => e.ActorName).HasMaxLength(64);
        builder.Property(e => e.OldValue).HasMaxLength(ComponentChange.ValueMaxLength);
        builder.Property(e => e.NewValue).HasMaxLength(ComponentChange.ValueMaxLength);
        builder.Property(e => e.Note).HasMaxLength(ComponentChange.ValueMaxLength);
        builder.HasIndex(e => new { e.ComponentId, e.At });
        builder.HasOne<CityComponent>().WithMany().HasForeignKey(e => e.ComponentId).OnDelete(DeleteBehavior.Restrict);
    }
}

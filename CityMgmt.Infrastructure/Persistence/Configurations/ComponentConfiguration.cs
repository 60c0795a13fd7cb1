using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Components;
using CityMgmt.Domain.Grids;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Persistence.Converters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityMgmt.Infrastructure.Persistence.Configurations;

internal sealed class ComponentConfiguration : IEntityTypeConfiguration<CityComponent>
{
    public void Configure(EntityTypeBuilder<CityComponent> builder)
    {
        builder.ConfigureSpatial();
        builder.Property(e => e.Code).HasConversion<ComponentCodeConverter>().HasMaxLength(17).IsUnicode(false);
        builder.Property(e => e.Name).HasMaxLength(CityComponent.NameMaxLength);
        builder.Property(e => e.OwnershipUnit).HasMaxLength(CityComponent.UnitMaxLength);
        builder.Property(e => e.MaintenanceUnit).HasMaxLength(CityComponent.UnitMaxLength);
        builder.Property(e => e.DataSource).HasMaxLength(CityComponent.UnitMaxLength);
        builder.Property(e => e.Note).HasMaxLength(500);
        builder.Property(e => e.State).AsString();
        builder.HasIndex(e => e.Code).IsUnique();
        builder.HasIndex(e => new { e.CategoryId, e.State });
        builder.HasIndex(e => e.GridId);
        builder.HasIndex(e => e.OwnerDepartmentId);
        builder.HasOne<Category>().WithMany().HasForeignKey(e => e.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(e => e.OwnerDepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<UnitGrid>().WithMany().HasForeignKey(e => e.GridId).OnDelete(DeleteBehavior.SetNull);
    }
}

using CityMgmt.Domain.Divisions;
using CityMgmt.Domain.Grids;
using CityMgmt.Infrastructure.Persistence.Converters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityMgmt.Infrastructure.Persistence.Configurations;

internal sealed class GridConfiguration : IEntityTypeConfiguration<UnitGrid>
{
    public void Configure(EntityTypeBuilder<UnitGrid> builder)
    {
        builder.ConfigureSpatial();
        builder.Property(e => e.Code).HasConversion<GridCodeConverter>().HasMaxLength(GridCode.Length).IsUnicode(false);
        builder.Property(e => e.Name).HasMaxLength(UnitGrid.NameMaxLength);
        builder.Property(e => e.ResponsibleBody).HasMaxLength(UnitGrid.NameMaxLength);
        builder.Property(e => e.Note).HasMaxLength(UnitGrid.NoteMaxLength);
        builder.HasIndex(e => e.Code).IsUnique();
        builder.HasIndex(e => e.CommunityId);
        builder.HasIndex(e => e.StreetId);
        builder.HasIndex(e => e.ResponsibilityGridId);
        builder.HasOne<AdminDivision>().WithMany().HasForeignKey(e => e.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ResponsibilityGrid>().WithMany().HasForeignKey(e => e.ResponsibilityGridId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ResponsibilityGridConfiguration : IEntityTypeConfiguration<ResponsibilityGrid>
{
    public void Configure(EntityTypeBuilder<ResponsibilityGrid> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(e => e.Code).HasMaxLength(ResponsibilityGrid.CodeMaxLength);
        builder.Property(e => e.Name).HasMaxLength(UnitGrid.NameMaxLength);
        builder.Property(e => e.SupervisorUserId).HasMaxLength(64);
        builder.HasIndex(e => e.Code).IsUnique();
        builder.HasOne<AdminDivision>().WithMany().HasForeignKey(e => e.StreetId).OnDelete(DeleteBehavior.Restrict);
    }
}

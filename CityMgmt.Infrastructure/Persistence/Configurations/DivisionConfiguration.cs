using CityMgmt.Domain.Divisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityMgmt.Infrastructure.Persistence.Configurations;

internal sealed class DivisionConfiguration : IEntityTypeConfiguration<AdminDivision>
{
    public void Configure(EntityTypeBuilder<AdminDivision> builder)
    {
        builder.ConfigureSpatial();
        builder.Property(e => e.Code).HasMaxLength(12).IsUnicode(false);
        builder.Property(e => e.Name).HasMaxLength(AdminDivision.NameMaxLength);
        builder.Property(e => e.Level).AsString();
        builder.HasIndex(e => e.Code).IsUnique();
        builder.HasIndex(e => e.ParentId);
        builder.HasOne<AdminDivision>().WithMany().HasForeignKey(e => e.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

using CityMgmt.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityMgmt.Infrastructure.Persistence.Configurations;

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(e => e.Code).HasMaxLength(OrgUnit.CodeMaxLength);
        builder.Property(e => e.Name).HasMaxLength(OrgUnit.NameMaxLength);
        builder.Property(e => e.ShortName).HasMaxLength(OrgUnit.NameMaxLength);
        builder.Property(e => e.Kind).AsString();
        builder.HasIndex(e => e.Code).IsUnique();
    }
}

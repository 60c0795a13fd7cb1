using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityMgmt.Infrastructure.Persistence.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(e => e.Kind).AsString();
        builder.Property(e => e.MajorCode).HasMaxLength(2).IsUnicode(false);
        builder.Property(e => e.MinorCode).HasMaxLength(3).IsUnicode(false);
        builder.Property(e => e.Name).HasMaxLength(Category.NameMaxLength);
        builder.Property(e => e.FilingCondition).HasMaxLength(Category.ConditionMaxLength);
        builder.Property(e => e.ClosingCondition).HasMaxLength(Category.ConditionMaxLength);
        builder.Property<decimal?>("LimitValue").HasPrecision(9, 2);
        builder.Property<Domain.Calendar.TimeLimitUnit?>("LimitUnit").HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Accuracy).AsString();
        builder.Ignore(e => e.DisposalLimit);
        builder.Ignore(e => e.IsMinor);
        builder.Ignore(e => e.FullCode);

        // A major class has MinorCode null; SQLite and SQL Server both allow many NULLs in a unique filtered index.
        builder.HasIndex(e => new { e.Kind, e.MajorCode, e.MinorCode }).IsUnique();
        builder.HasOne<Category>().WithMany().HasForeignKey(e => e.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(e => e.DefaultDepartmentId).OnDelete(DeleteBehavior.SetNull);
    }
}

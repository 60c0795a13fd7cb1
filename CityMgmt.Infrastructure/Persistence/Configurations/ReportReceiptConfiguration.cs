using CityMgmt.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityMgmt.Infrastructure.Persistence.Configurations;

internal sealed class ReportReceiptConfiguration : IEntityTypeConfiguration<ReportReceipt>
{
    public void Configure(EntityTypeBuilder<ReportReceipt> builder)
    {
        builder.ToTable("ReportReceipts");
        builder.ConfigureAudit();
        builder.Property(e => e.UserId).HasMaxLength(64);

        // One case per key and user: a concurrent second send loses on this index and then finds the first's receipt.
        builder.HasIndex(e => new { e.UserId, e.ClientKey }).IsUnique();
        builder.HasOne<CityCase>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

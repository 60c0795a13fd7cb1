using CityMgmt.Domain.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityMgmt.Infrastructure.Persistence.Configurations;

internal sealed class ExportJobConfiguration : IEntityTypeConfiguration<ExportJob>
{
    public void Configure(EntityTypeBuilder<ExportJob> builder)
    {
        builder.ToTable("ExportJobs");
        builder.ConfigureAudit();
        builder.Property(e => e.OwnerId).HasMaxLength(64);
        builder.Property(e => e.OwnerName).HasMaxLength(64);
        builder.Property(e => e.Kind).AsString();
        builder.Property(e => e.State).AsString();
        builder.Property(e => e.Title).HasMaxLength(ExportJob.TitleMaxLength);
        builder.Property(e => e.FileName).HasMaxLength(ExportJob.FileNameMaxLength);
        builder.Property(e => e.Parameter).HasMaxLength(ExportJob.ParameterMaxLength);
        builder.Property(e => e.ProgressText).HasMaxLength(ExportJob.TextMaxLength);
        builder.Property(e => e.Error).HasMaxLength(ExportJob.TextMaxLength);
        builder.Property(e => e.StoredName).HasMaxLength(ExportJob.StoredNameMaxLength);
        builder.HasIndex(e => new { e.OwnerId, e.RequestedAt });
        builder.HasIndex(e => new { e.State, e.RequestedAt });
    }
}

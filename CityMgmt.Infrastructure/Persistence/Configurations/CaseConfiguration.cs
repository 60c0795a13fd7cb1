using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Persistence.Converters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityMgmt.Infrastructure.Persistence.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<CityCase>
{
    public void Configure(EntityTypeBuilder<CityCase> builder)
    {
        builder.ToTable("Cases");
        builder.ConfigureAggregate();
        builder.Property(e => e.Number).HasConversion<CaseNumberConverter>().HasMaxLength(CaseNumber.Length).IsUnicode(false);
        builder.Property(e => e.Source).AsString();
        builder.Property(e => e.Status).AsString();
        builder.Property(e => e.CategoryKind).AsString();
        builder.Property(e => e.ClosingKind).AsString();
        builder.Property(e => e.Address).HasMaxLength(CityCase.AddressMaxLength);
        builder.Property(e => e.Description).HasMaxLength(CityCase.DescriptionMaxLength);
        builder.Property(e => e.GridCode).HasMaxLength(15).IsUnicode(false);
        builder.Property(e => e.ReporterUserId).HasMaxLength(64);
        builder.Property(e => e.ReporterName).HasMaxLength(30);
        builder.Property(e => e.ReporterPhone).HasMaxLength(20);

        builder.HasIndex(e => e.Number).IsUnique();
        builder.HasIndex(e => new { e.Status, e.ReportedAt });
        builder.HasIndex(e => new { e.StreetId, e.Status });
        builder.HasIndex(e => new { e.DepartmentId, e.Status });
        builder.HasIndex(e => new { e.Source, e.ReportedAt });
        builder.HasIndex(e => new { e.DepartmentId, e.ReportedAt }); // a department's case list, newest first
        builder.HasIndex(e => e.ReportedAt);
        builder.HasIndex(e => e.DisposalDeadline);
        builder.HasIndex(e => new { e.CategoryId, e.ReportedAt }); // 受理队列: repeated reports of one class near in time
        builder.HasIndex(e => e.MergedIntoId);

        // The evaluation's sequential plan (HistoryScan) reads the period's 立案 cases' columns in Id order beside the
        // history's IX_CaseHistory_Scan, a merge of two index scans instead of one row lookup per case.
        builder.HasIndex(e => new { e.Id, e.Source, e.DepartmentId, e.StreetId, e.CommunityId, e.GridId, e.DisposalDeadline }).HasDatabaseName("IX_Cases_Facts");

        builder.HasOne<Category>().WithMany().HasForeignKey(e => e.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(e => e.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CityCase>().WithMany().HasForeignKey(e => e.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.History).WithOne().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Attachments).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(e => e.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(e => e.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CaseHistoryConfiguration : IEntityTypeConfiguration<CaseHistoryEntry>
{
    public void Configure(EntityTypeBuilder<CaseHistoryEntry> builder)
    {
        builder.ToTable("CaseHistory");
        builder.ConfigureAudit();
        builder.Property(e => e.Action).AsString();
        builder.Property(e => e.FromStatus).AsString();
        builder.Property(e => e.ToStatus).AsString();
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.ActorName).HasMaxLength(64);
        builder.Property(e => e.ActorRole).HasMaxLength(32);
        builder.Property(e => e.Comment).HasMaxLength(CaseHistoryEntry.CommentMaxLength);
        builder.HasIndex(e => new { e.CaseId, e.Sequence }).IsUnique();
        builder.HasIndex(e => new { e.Action, e.At });

        // The evaluation's single pass (HistoryScan, ADR 0011) reads only these two: the cases with lines in a period,
        // then all their lines in order. Covering, so the 6–7 lines per case never cost a row lookup each.
        builder.HasIndex(e => new { e.At, e.CaseId }).HasDatabaseName("IX_CaseHistory_At_CaseId");
        builder.HasIndex(e => new { e.CaseId, e.Sequence, e.At, e.Action, e.ActorRole, e.ActorId, e.ActorName, e.ToStatus }).HasDatabaseName("IX_CaseHistory_Scan");
    }
}

internal sealed class CaseAttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> builder)
    {
        builder.ConfigureAudit();
        builder.Property(e => e.Stage).AsString();
        builder.Property(e => e.FileName).HasMaxLength(CaseAttachment.FileNameMaxLength);
        builder.Property(e => e.ContentHash).HasMaxLength(64).IsUnicode(false);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.UploadedBy).HasMaxLength(64);
        builder.HasIndex(e => e.CaseId);
    }
}

internal sealed class CaseNumberCounterConfiguration : IEntityTypeConfiguration<CaseNumberCounter>
{
    public void Configure(EntityTypeBuilder<CaseNumberCounter> builder)
    {
        builder.HasKey(e => e.Day);
        builder.Property(e => e.Last).IsConcurrencyToken();
    }
}

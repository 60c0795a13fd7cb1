using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Evaluation.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityMgmt.Infrastructure.Persistence.Configurations;

internal sealed class DeductionItemConfiguration : IEntityTypeConfiguration<DeductionItem>
{
    public void Configure(EntityTypeBuilder<DeductionItem> builder)
    {
        builder.ToTable("EvaluationDeductions");
        builder.ConfigureAudit();
        builder.Property(e => e.TargetType).AsString();
        builder.Property(e => e.TargetId).HasMaxLength(DeductionItem.TargetIdMaxLength);
        builder.Property(e => e.Reason).HasMaxLength(DeductionItem.ReasonMaxLength);
        builder.Property(e => e.Points).HasPrecision(7, 2);
        builder.Property(e => e.RecordedBy).HasMaxLength(DeductionItem.RecorderMaxLength);
        builder.Property(e => e.RecordedById).HasMaxLength(DeductionItem.RecorderMaxLength);
        builder.Property(e => e.CaseNumber).HasMaxLength(32);
        builder.HasIndex(e => new { e.Date, e.TargetId });
    }
}

internal sealed class DeductionRevocationConfiguration : IEntityTypeConfiguration<DeductionRevocation>
{
    public void Configure(EntityTypeBuilder<DeductionRevocation> builder)
    {
        builder.ToTable("EvaluationDeductionRevocations");
        builder.ConfigureAudit();
        builder.Property(e => e.Reason).HasMaxLength(DeductionRevocation.ReasonMaxLength);
        builder.Property(e => e.RevokedBy).HasMaxLength(DeductionItem.RecorderMaxLength);
        builder.Property(e => e.RevokedById).HasMaxLength(DeductionItem.RecorderMaxLength);

        // At most one revocation per deduction: of two at once, the second fails on this index.
        builder.HasIndex(e => e.DeductionId).IsUnique();
        builder.HasOne<DeductionItem>().WithMany().HasForeignKey(e => e.DeductionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FormulaDraftConfiguration : IEntityTypeConfiguration<FormulaDraft>
{
    public void Configure(EntityTypeBuilder<FormulaDraft> builder)
    {
        builder.ToTable("EvaluationFormulaDrafts");
        builder.ConfigureAggregate();
        builder.Property(e => e.Name).HasMaxLength(FormulaSet.NameMaxLength);
        builder.Property(e => e.SavedBy).HasMaxLength(64);
        builder.HasIndex(e => e.Name).IsUnique();
    }
}

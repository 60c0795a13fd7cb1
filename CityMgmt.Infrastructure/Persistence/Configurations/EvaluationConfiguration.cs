using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Evaluation.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityMgmt.Infrastructure.Persistence.Configurations;

internal sealed class EvaluationRunConfiguration : IEntityTypeConfiguration<EvaluationRun>
{
    public void Configure(EntityTypeBuilder<EvaluationRun> builder)
    {
        builder.ToTable("EvaluationRuns");
        builder.ConfigureAudit();
        builder.Property(e => e.PeriodKind).AsString();
        builder.Property(e => e.Trigger).AsString();
        builder.Property(e => e.PeriodLabel).HasMaxLength(EvaluationRun.LabelMaxLength);
        builder.Property(e => e.FormulaSetName).HasMaxLength(FormulaSet.NameMaxLength);
        builder.Property(e => e.RequestedBy).HasMaxLength(EvaluationRun.RequestedByMaxLength);

        // One result per period and formula set version: a second insert fails instead of replacing anything.
        builder.HasIndex(e => new { e.PeriodKind, e.PeriodStart, e.PeriodEnd, e.FormulaSetName, e.FormulaSetVersion }).IsUnique();
        builder.HasMany<EvaluationResultRow>().WithOne().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationResultRowConfiguration : IEntityTypeConfiguration<EvaluationResultRow>
{
    public void Configure(EntityTypeBuilder<EvaluationResultRow> builder)
    {
        builder.ToTable("EvaluationResults");
        builder.ConfigureAudit();
        builder.Property(e => e.ObjectType).AsString();
        builder.Property(e => e.Grade).AsString();
        builder.Property(e => e.Status).AsString();
        builder.Property(e => e.SubjectId).HasMaxLength(EvaluationResultRow.SubjectIdMaxLength);
        builder.Property(e => e.SubjectName).HasMaxLength(EvaluationResultRow.SubjectNameMaxLength);
        builder.Property(e => e.PeerGroup).HasMaxLength(EvaluationResultRow.SubjectNameMaxLength);
        builder.Property(e => e.Composite).HasPrecision(7, 2);
        builder.HasIndex(e => new { e.RunId, e.ObjectType, e.Order });
        builder.HasIndex(e => new { e.ObjectType, e.SubjectId });
    }
}

internal sealed class SavedFormulaSetConfiguration : IEntityTypeConfiguration<SavedFormulaSet>
{
    public void Configure(EntityTypeBuilder<SavedFormulaSet> builder)
    {
        builder.ToTable("EvaluationFormulaSets");
        builder.ConfigureAudit();
        builder.Property(e => e.Name).HasMaxLength(FormulaSet.NameMaxLength);
        builder.Property(e => e.SavedBy).HasMaxLength(64);
        builder.HasIndex(e => new { e.Name, e.Version }).IsUnique();
    }
}

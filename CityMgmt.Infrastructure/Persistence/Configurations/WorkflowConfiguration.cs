using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Workflows.Definitions;
using CityMgmt.Domain.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityMgmt.Infrastructure.Persistence.Configurations;

internal sealed class WorkflowDefinitionConfiguration : IEntityTypeConfiguration<WorkflowDefinition>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinition> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(e => e.Key).HasMaxLength(WorkflowDefinition.KeyMaxLength).IsUnicode(false);
        builder.Property(e => e.Name).HasMaxLength(WorkflowDefinition.NameMaxLength);
        builder.Property(e => e.Status).AsString();
        builder.Property(e => e.BpmnXml).HasMaxLength(WorkflowDefinition.MaxXmlLength);
        builder.Property(e => e.PublishedBy).HasMaxLength(64);
        builder.Property(e => e.Note).HasMaxLength(500);
        builder.Ignore(e => e.IsEditable);
        builder.HasIndex(e => new { e.Key, e.VersionNumber }).IsUnique();
    }
}

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(e => e.DefinitionKey).HasMaxLength(WorkflowDefinition.KeyMaxLength).IsUnicode(false);
        builder.Property(e => e.Status).AsString();
        builder.HasIndex(e => e.CaseId).IsUnique();
        builder.HasIndex(e => new { e.DefinitionId, e.Status });
        builder.HasOne<CityCase>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WorkflowDefinition>().WithMany().HasForeignKey(e => e.DefinitionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkflowTaskConfiguration : IEntityTypeConfiguration<WorkflowTask>
{
    public void Configure(EntityTypeBuilder<WorkflowTask> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(e => e.TaskKey).HasMaxLength(32).IsUnicode(false);
        builder.Property(e => e.NodeId).HasMaxLength(100);
        builder.Property(e => e.Name).HasMaxLength(WorkflowTask.NameMaxLength);
        builder.Property(e => e.Role).HasMaxLength(32);
        builder.Property(e => e.Assignment).AsString();
        builder.Property(e => e.Stage).AsString();
        builder.Property(e => e.Outcomes).HasMaxLength(200);
        builder.Property(e => e.AssigneeUserId).HasMaxLength(64);
        builder.Property(e => e.ClaimedBy).HasMaxLength(64);
        builder.Property(e => e.ClosedBy).HasMaxLength(64);
        builder.Property(e => e.ClosedByName).HasMaxLength(64);
        builder.Property(e => e.Outcome).HasMaxLength(30);
        builder.Property(e => e.Status).AsString();
        builder.Ignore(e => e.OutcomeList);
        builder.HasIndex(e => new { e.InstanceId, e.TaskKey }).IsUnique();
        builder.HasIndex(e => new { e.Status, e.Role });
        builder.HasIndex(e => new { e.DepartmentId, e.Status });
        builder.HasIndex(e => new { e.AssigneeUserId, e.Status });
        builder.HasIndex(e => new { e.CaseId, e.Status });
        builder.HasIndex(e => new { e.ClosedBy, e.ClosedAt }); // 已办: a user's completed tasks, newest first
        builder.HasOne<WorkflowInstance>().WithMany().HasForeignKey(e => e.InstanceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkflowTimerConfiguration : IEntityTypeConfiguration<WorkflowTimer>
{
    public void Configure(EntityTypeBuilder<WorkflowTimer> builder)
    {
        builder.ConfigureAudit();
        builder.Property(e => e.TimerKey).HasMaxLength(32).IsUnicode(false);
        builder.Property(e => e.NodeId).HasMaxLength(100);
        builder.Property(e => e.TaskKey).HasMaxLength(32).IsUnicode(false);
        builder.Property(e => e.Status).AsString();
        builder.HasIndex(e => new { e.Status, e.DueAt });
        builder.HasIndex(e => new { e.InstanceId, e.TimerKey }).IsUnique();
        builder.HasOne<WorkflowInstance>().WithMany().HasForeignKey(e => e.InstanceId).OnDelete(DeleteBehavior.Restrict);
    }
}

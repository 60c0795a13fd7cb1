using CityMgmt.Domain.Common;
using CityMgmt.Domain.Organisation;
using CityMgmt.Domain.Workflows.Definitions;
using CityMgmt.Domain.Workflows.Execution;
using CityMgmt.Domain.Workflows.Migration;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Audit;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Workflows;

public sealed record MigrationPreview(int Cases, IReadOnlyList<string> UnmappedNodes, IReadOnlyList<string> Errors);

/// <summary>
/// Moves running cases to a newer published version: an explicit, validated and audited admin action.
/// Open tasks map by node id, otherwise by the administrator's mapping; anything unmapped refuses the move.
/// </summary>
public sealed class InstanceMigrationService(IDbContextFactory<CityDbContext> factory, WorkflowCatalog catalog, AuditLog audit)
{
    public async Task<Result<MigrationPreview>> PreviewAsync(StaffContext actor, Guid fromId, Guid toId, IReadOnlyDictionary<string, string> mapping, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(actor, fromId, toId, ct);
        if (loaded.IsFailure)
        {
            return loaded.Error;
        }

        await using var db = loaded.Value.Db;
        var (from, to) = (catalog.EngineFor(loaded.Value.From).Process, catalog.EngineFor(loaded.Value.To).Process);
        var instances = await db.WorkflowInstances.AsNoTracking().Where(i => i.DefinitionId == fromId && i.Status == WorkflowInstanceStatus.Running).ToListAsync(ct);
        var errors = new List<string>();
        var unmapped = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var instance in instances)
        {
            var state = InstanceStateJson.Deserialize(instance.StateJson);
            foreach (var nodeId in state.OpenTasks.Select(t => t.NodeId).Concat(state.Tokens.Select(t => t.NodeId)))
            {
                if (to.Nodes.All(n => n.Id != nodeId) && !mapping.ContainsKey(nodeId))
                {
                    unmapped.Add(nodeId);
                }
            }

            var plan = InstanceMigration.Plan(from, to, state, mapping);
            if (plan.IsFailure)
            {
                errors.Add(plan.Error.Message);
            }
        }

        return new MigrationPreview(instances.Count, [.. unmapped], errors.Distinct().ToList());
    }

    public async Task<Result<int>> MigrateAsync(StaffContext actor, Guid fromId, Guid toId, IReadOnlyDictionary<string, string> mapping, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(actor, fromId, toId, ct);
        if (loaded.IsFailure)
        {
            return loaded.Error;
        }

        await using var db = loaded.Value.Db;
        var (from, to) = (catalog.EngineFor(loaded.Value.From).Process, catalog.EngineFor(loaded.Value.To).Process);
        var instances = await db.WorkflowInstances.Where(i => i.DefinitionId == fromId && i.Status == WorkflowInstanceStatus.Running).ToListAsync(ct);
        foreach (var instance in instances)
        {
            var plan = InstanceMigration.Plan(from, to, InstanceStateJson.Deserialize(instance.StateJson), mapping);
            if (plan.IsFailure)
            {
                return plan.Error;
            }

            await ApplyPlanAsync(db, instance, plan.Value, loaded.Value.To, ct);
        }

        audit.Admin(db, actor, "迁移流程实例", $"{loaded.Value.From.Key} 第{loaded.Value.From.VersionNumber}版 → 第{loaded.Value.To.VersionNumber}版",
            $"{instances.Count} 件案件；映射：{string.Join("，", mapping.Select(m => $"{m.Key}→{m.Value}"))}");
        var saved = await db.TrySaveAsync(RuntimeErrors.Conflict, RuntimeErrors.Conflict, ct);
        return saved.IsFailure ? saved.Error : instances.Count;
    }

    private static async Task ApplyPlanAsync(CityDbContext db, WorkflowInstance instance, MigrationPlan plan, WorkflowDefinition to, CancellationToken ct)
    {
        var byOld = plan.Mappings.ToDictionary(m => m.OldNodeId, m => m.NewNodeId, StringComparer.Ordinal);
        var tasks = await db.WorkflowTasks.Where(t => t.InstanceId == instance.Id && t.Status == WorkflowTaskStatus.Open).ToListAsync(ct);
        foreach (var task in tasks)
        {
            if (byOld.TryGetValue(task.NodeId, out var newNode) && newNode != task.NodeId)
            {
                db.Entry(task).Property(t => t.NodeId).CurrentValue = newNode;
            }
        }

        var cancelled = plan.CancelledTimers.Select(t => t.TimerId).ToHashSet(StringComparer.Ordinal);
        foreach (var timer in await db.WorkflowTimers.Where(t => t.InstanceId == instance.Id).Where(WorkflowTimer.Pending).ToListAsync(ct))
        {
            if (cancelled.Contains(timer.TimerKey))
            {
                timer.Cancel();
            }
        }

        instance.MoveTo(to.Id, to.VersionNumber, InstanceStateJson.Serialize(plan.State));
    }

    private async Task<Result<(CityDbContext Db, WorkflowDefinition From, WorkflowDefinition To)>> LoadAsync(StaffContext actor, Guid fromId, Guid toId, CancellationToken ct)
    {
        var allowed = actor.Require(StaffRole.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error;
        }

        var db = factory.CreateDbContext();
        var from = await db.WorkflowDefinitions.FirstOrDefaultAsync(d => d.Id == fromId, ct);
        var to = await db.WorkflowDefinitions.FirstOrDefaultAsync(d => d.Id == toId, ct);
        if (from is null || to is null || from.Key != to.Key || to.Status != WorkflowDefinitionStatus.Published || from.Status == WorkflowDefinitionStatus.Draft)
        {
            await db.DisposeAsync();
            return new Error("Workflow.MigrationTarget", "只能把同一流程已发布版本上的案件迁移到另一个已发布版本");
        }

        return (db, from, to);
    }
}

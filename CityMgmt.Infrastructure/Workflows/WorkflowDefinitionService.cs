using CityMgmt.Domain.Common;
using CityMgmt.Domain.Organisation;
using CityMgmt.Domain.Workflows.Definitions;
using CityMgmt.Domain.Workflows.Parsing;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Domain.Workflows.Validation;
using CityMgmt.Infrastructure.Audit;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Workflows;

public sealed record DefinitionRow(Guid Id, string Key, string Name, int Version, WorkflowDefinitionStatus Status, DateTimeOffset? PublishedAt, string? PublishedBy, int RunningCases);

/// <summary>The outcome of a check: a parse error (the XML could not be read) or the validator's problems.</summary>
public sealed record CheckReport(string? ParseError, IReadOnlyList<ValidationProblem> Problems)
{
    public bool CanPublish => ParseError is null && Problems.All(p => p.Severity != ProblemSeverity.Error);
}

/// <summary>流程定义 for administrators: drafts, checks, publishing, versions, import and export; every change audited.</summary>
public sealed class WorkflowDefinitionService(IDbContextFactory<CityDbContext> factory, AuditLog audit, TimeProvider clock)
{
    /// <summary>What the validator accepts: built-in actions, standard case variables and the form's comment.</summary>
    public static readonly ValidationOptions Options = ValidationOptions.WithVariables(["comment"]);

    public async Task<IReadOnlyList<DefinitionRow>> ListAsync(StaffContext actor, CancellationToken ct = default)
    {
        actor.EnsureRole(StaffRole.Admin);
        await using var db = factory.CreateDbContext();
        var running = await db.WorkflowInstances.Where(i => i.Status == WorkflowInstanceStatus.Running)
            .GroupBy(i => i.DefinitionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var definitions = await db.WorkflowDefinitions.AsNoTracking().OrderBy(d => d.Key).ThenByDescending(d => d.VersionNumber).ToListAsync(ct);
        return definitions.Select(d => new DefinitionRow(d.Id, d.Key, d.Name, d.VersionNumber, d.Status, d.PublishedAt, d.PublishedBy, running.GetValueOrDefault(d.Id))).ToList();
    }

    public async Task<Result<WorkflowDefinition>> GetAsync(StaffContext actor, Guid id, CancellationToken ct = default)
    {
        actor.EnsureRole(StaffRole.Admin);
        await using var db = factory.CreateDbContext();
        var definition = await db.WorkflowDefinitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        return definition is null ? DefinitionErrors.NotFound : definition;
    }

    public static CheckReport Check(string xml)
    {
        var parsed = BpmnParser.Parse(xml, WorkflowDefinition.MaxXmlLength);
        return parsed.IsFailure
            ? new CheckReport(parsed.Error.Message, [])
            : new CheckReport(null, WorkflowValidator.Validate(parsed.Value, Options));
    }

    /// <summary>The key's open draft, or a new draft copied from <paramref name="sourceId"/> with the next version number.</summary>
    public async Task<Result<Guid>> DraftFromAsync(StaffContext actor, Guid sourceId, CancellationToken ct = default)
    {
        var allowed = actor.Require(StaffRole.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error;
        }

        await using var db = factory.CreateDbContext();
        var source = await db.WorkflowDefinitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == sourceId, ct);
        if (source is null)
        {
            return DefinitionErrors.NotFound;
        }

        var existing = await db.WorkflowDefinitions.Where(d => d.Key == source.Key && d.Status == WorkflowDefinitionStatus.Draft).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
        if (existing is { } draftId)
        {
            return draftId;
        }

        var next = await db.WorkflowDefinitions.Where(d => d.Key == source.Key).MaxAsync(d => d.VersionNumber, ct) + 1;
        var draft = WorkflowDefinition.CreateDraft(source.Key, source.Name, next, source.BpmnXml, $"基于第{source.VersionNumber}版").Value;
        db.WorkflowDefinitions.Add(draft);
        audit.Admin(db, actor, "新建流程草稿", $"{draft.Key} 第{next}版", $"基于第{source.VersionNumber}版");
        var saved = await db.TrySaveAsync(Conflict, Conflict, ct);
        return saved.IsFailure ? saved.Error : draft.Id;
    }

    public async Task<Result> SaveDraftAsync(StaffContext actor, Guid id, string xml, CancellationToken ct = default)
    {
        var allowed = actor.Require(StaffRole.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        // A draft may be incomplete, but it must be safe, readable BPMN.
        var parsed = BpmnParser.Parse(xml, WorkflowDefinition.MaxXmlLength);
        if (parsed.IsFailure)
        {
            return parsed.Error;
        }

        await using var db = factory.CreateDbContext();
        var definition = await db.WorkflowDefinitions.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (definition is null)
        {
            return DefinitionErrors.NotFound;
        }

        var name = string.IsNullOrWhiteSpace(parsed.Value.Name) ? definition.Name : parsed.Value.Name;
        var updated = definition.UpdateDraft(name, xml, definition.Note);
        if (updated.IsFailure)
        {
            return updated;
        }

        audit.Admin(db, actor, "保存流程草稿", $"{definition.Key} 第{definition.VersionNumber}版", $"{xml.Length} 字符");
        return await db.TrySaveAsync(Conflict, null, ct);
    }

    public async Task<Result> PublishAsync(StaffContext actor, Guid id, CancellationToken ct = default)
    {
        var allowed = actor.Require(StaffRole.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        await using var db = factory.CreateDbContext();
        var definition = await db.WorkflowDefinitions.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (definition is null)
        {
            return DefinitionErrors.NotFound;
        }

        var report = Check(definition.BpmnXml);
        if (!report.CanPublish)
        {
            return report.ParseError is null ? DefinitionErrors.HasProblems : new Error("Workflow.Unreadable", report.ParseError);
        }

        var published = definition.Publish(clock.GetUtcNow(), actor.UserName);
        if (published.IsFailure)
        {
            return published;
        }

        audit.Admin(db, actor, "发布流程", $"{definition.Key} 第{definition.VersionNumber}版", definition.Name);
        return await db.TrySaveAsync(Conflict, null, ct);
    }

    /// <summary>Imports a .bpmn file as a draft of the key named by its process id.</summary>
    public async Task<Result<Guid>> ImportAsync(StaffContext actor, string xml, CancellationToken ct = default)
    {
        var allowed = actor.Require(StaffRole.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error;
        }

        var parsed = BpmnParser.Parse(xml, WorkflowDefinition.MaxXmlLength);
        if (parsed.IsFailure)
        {
            return parsed.Error;
        }

        await using var db = factory.CreateDbContext();
        var key = parsed.Value.Id;
        if (await db.WorkflowDefinitions.AnyAsync(d => d.Key == key && d.Status == WorkflowDefinitionStatus.Draft, ct))
        {
            return new Error("Workflow.DraftExists", $"流程“{key}”已有草稿，请先发布或在草稿中修改");
        }

        var next = (await db.WorkflowDefinitions.Where(d => d.Key == key).MaxAsync(d => (int?)d.VersionNumber, ct) ?? 0) + 1;
        var draft = WorkflowDefinition.CreateDraft(key, string.IsNullOrWhiteSpace(parsed.Value.Name) ? key : parsed.Value.Name, next, xml, "导入");
        if (draft.IsFailure)
        {
            return draft.Error;
        }

        db.WorkflowDefinitions.Add(draft.Value);
        audit.Admin(db, actor, "导入流程", $"{key} 第{next}版", $"{xml.Length} 字符");
        var saved = await db.TrySaveAsync(Conflict, Conflict, ct);
        return saved.IsFailure ? saved.Error : draft.Value.Id;
    }

    private static readonly Error Conflict = new("Workflow.Conflict", "该流程刚被其他管理员修改，请刷新后重试");
}

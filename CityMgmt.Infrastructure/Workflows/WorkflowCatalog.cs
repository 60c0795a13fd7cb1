using System.Collections.Concurrent;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Workflows.Definitions;
using CityMgmt.Domain.Workflows.Execution;
using CityMgmt.Domain.Workflows.Parsing;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Workflows;

/// <summary>
/// Engines of published versions, parsed once: a published version never changes, so its engine can be
/// cached for the life of the process.
/// </summary>
public sealed class WorkflowCatalog
{
    /// <summary>The key of the seeded "数字城管标准流程" that routes every case.</summary>
    public const string StandardKey = "citymgmt-standard";

    private readonly ConcurrentDictionary<Guid, WorkflowEngine> _engines = new();

    public WorkflowEngine EngineFor(WorkflowDefinition definition) =>
        definition.Status == WorkflowDefinitionStatus.Draft
            ? new WorkflowEngine(BpmnParser.Parse(definition.BpmnXml).Value)
            : _engines.GetOrAdd(definition.Id, _ => new WorkflowEngine(BpmnParser.Parse(definition.BpmnXml).Value));

    /// <summary>The engine of an instance's version: its XML is read from the database only the first time.</summary>
    public async Task<WorkflowEngine> EngineForAsync(CityDbContext db, Guid definitionId, CancellationToken ct) =>
        _engines.TryGetValue(definitionId, out var engine)
            ? engine
            : EngineFor(await db.WorkflowDefinitions.AsNoTracking().SingleAsync(d => d.Id == definitionId, ct));

    /// <summary>
    /// The newest published version of a definition and its engine. Only the version's id, key and number are read;
    /// its XML is read and parsed once per process, by <see cref="EngineForAsync"/>.
    /// </summary>
    /// <param name="prepared">Read with a prepared statement (SQLite, ADR 0017) instead of EF.</param>
    public async Task<Result<(PublishedVersion Version, WorkflowEngine Engine)>> LatestPublishedAsync(CityDbContext db, string key, CancellationToken ct, bool prepared = false)
    {
        var version = prepared
            ? StepRowReader.LatestPublished(db, key) is { } found ? new PublishedVersion(found.Id, key, found.Number) : null
            : await db.WorkflowDefinitions.AsNoTracking()
                .Where(d => d.Key == key && d.Status == WorkflowDefinitionStatus.Published)
                .OrderByDescending(d => d.VersionNumber)
                .Select(d => new PublishedVersion(d.Id, d.Key, d.VersionNumber))
                .FirstOrDefaultAsync(ct);
        return version is null
            ? Domain.Workflows.Runtime.RuntimeErrors.NoPublishedWorkflow
            : (version, await EngineForAsync(db, version.Id, ct));
    }
}

/// <summary>A published workflow version, as a new instance records it.</summary>
public sealed record PublishedVersion(Guid Id, string Key, int VersionNumber);

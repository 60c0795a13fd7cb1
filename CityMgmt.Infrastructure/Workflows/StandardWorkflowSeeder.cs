using CityMgmt.Domain.Workflows.Definitions;
using CityMgmt.Domain.Workflows.Parsing;
using CityMgmt.Domain.Workflows.Validation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Workflows;

/// <summary>Seeds "数字城管标准流程" (database/seed/workflows/standard-v1.bpmn) as version 1, published, when the key has no version yet.</summary>
public sealed class StandardWorkflowSeeder(IDbContextFactory<CityDbContext> factory, TimeProvider clock)
{
    public static string LoadStandardXml()
    {
        using var stream = typeof(StandardWorkflowSeeder).Assembly.GetManifestResourceStream("CityMgmt.Infrastructure.Seeding.Data.workflows.standard-v1.bpmn")
            ?? throw new InvalidOperationException("Embedded resource standard-v1.bpmn is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        if (await db.WorkflowDefinitions.AnyAsync(d => d.Key == WorkflowCatalog.StandardKey, ct))
        {
            return;
        }

        var xml = LoadStandardXml();
        var process = BpmnParser.Parse(xml).Value;
        var problems = WorkflowValidator.Validate(process, WorkflowDefinitionService.Options).Where(p => p.Severity == ProblemSeverity.Error).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The seeded standard workflow is invalid: " + string.Join("; ", problems.Select(p => $"{p.ElementId}: {p.Message}")));
        }

        var definition = WorkflowDefinition.CreateDraft(WorkflowCatalog.StandardKey, string.IsNullOrEmpty(process.Name) ? "数字城管标准流程" : process.Name, 1, xml, "系统预置").Value;
        definition.Publish(clock.GetUtcNow(), "system");
        db.WorkflowDefinitions.Add(definition);
        await db.SaveChangesAsync(ct);
    }
}

using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Workflows.Execution;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Workflows;

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Ends the case's running instance in the caller's unit of work: its open tasks close as cancelled, its
    /// timers are cancelled, the instance is marked terminated. The case itself is changed by the caller.
    /// A case without a running instance has nothing to end.
    /// </summary>
    public async Task<Result> TerminateAsync(CityDbContext db, CityCase item, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.FirstOrDefaultAsync(i => i.CaseId == item.Id && i.Status == WorkflowInstanceStatus.Running, ct);
        if (instance is null)
        {
            return Result.Success();
        }

        var step = WorkflowEngine.Terminate(InstanceStateJson.Deserialize(instance.StateJson));
        if (step.IsFailure)
        {
            return step.Error;
        }

        var category = await db.Categories.SingleAsync(c => c.Id == item.CategoryId, ct);
        var engine = await catalog.EngineForAsync(db, instance.DefinitionId, ct);
        return await ApplyAsync(db, instance, item, category, engine, step.Value, actor, now, StepRows.ForSavedInstance(), ct);
    }
}

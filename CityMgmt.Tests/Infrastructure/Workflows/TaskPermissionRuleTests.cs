using CityMgmt.Domain.Organisation;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Workflows;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CityMgmt.Tests.Infrastructure.Workflows.WorkflowTestKit;

namespace CityMgmt.Tests.Infrastructure.Workflows;

/// <summary>
/// Who may act on a task is written twice: as a query (inbox, EF path) and in memory (a completion's prepared read,
/// ADR 0017). Over every combination of the rule's inputs both must pick the same tasks.
/// </summary>
public class TaskPermissionRuleTests
{
    [Fact]
    public async Task IsActionableBy_AgreesWithTheQueryRule_ForEveryCombinationOfTaskAndUser()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var item = await ReportAsync(services);
        var (centre, subCentre, department, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (street, otherStreet) = (Guid.NewGuid(), Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;

        await using var db = services.NewDb();
        var instanceId = await db.WorkflowInstances.Where(i => i.CaseId == item.Id).Select(i => i.Id).SingleAsync();
        var tasks = new List<WorkflowTask>();
        foreach (var open in new[] { true, false })
            foreach (var role in new[] { StaffRole.Operator, StaffRole.ShiftLeader, null })
                foreach (var assignee in new[] { null, "u1", "u2" })
                    foreach (var claimer in new[] { null, "u1", "u2" })
                        foreach (var orgUnit in new Guid?[] { null, subCentre, other })
                            foreach (var departmentId in new Guid?[] { null, department, other })
                                foreach (var streetId in new Guid?[] { null, street, otherStreet })
                                {
                                    var task = new WorkflowTask(instanceId, item.Id, "k" + tasks.Count, "Task_X", "测试", now)
                                    {
                                        Role = role,
                                        AssigneeUserId = assignee,
                                        OrgUnitId = orgUnit,
                                        DepartmentId = departmentId,
                                        StreetId = streetId,
                                    };
                                    if (claimer is not null)
                                    {
                                        task.Claim(claimer, now).IsSuccess.ShouldBeTrue();
                                    }

                                    if (!open)
                                    {
                                        task.Close(WorkflowTaskStatus.Completed, now, "受理", "u1", "测试");
                                    }

                                    tasks.Add(task);
                                }

        db.WorkflowTasks.AddRange(tasks);
        await db.SaveChangesAsync();
        var ids = tasks.Select(t => t.Id).ToHashSet();

        var seenByAnyone = 0;
        foreach (var userId in new[] { "u1", "u2" })
            foreach (var roles in new[] { new[] { StaffRole.Operator }, [StaffRole.ShiftLeader, StaffRole.Operator], [StaffRole.Dispatcher] })
                foreach (var scope in new DataScope[]
                         {
                     new(DataScopeKind.All, centre, null), new(DataScopeKind.Area, subCentre, street),
                     new(DataScopeKind.Department, department, null), DataScope.Nothing,
                         })
                {
                    var who = new StaffContext(userId, userId, userId, roles.ToHashSet(), scope, "测试");
                    var byQuery = (await db.WorkflowTasks.AsNoTracking().ActionableBy(who).Select(t => t.Id).ToListAsync()).Where(ids.Contains).ToHashSet();
                    var inMemory = tasks.Where(t => TaskScopeResolver.IsActionableBy(t, who)).Select(t => t.Id).ToHashSet();

                    inMemory.SetEquals(byQuery).ShouldBeTrue($"{userId} {string.Join(",", roles)} {scope.Kind}: {inMemory.Count} in memory, {byQuery.Count} by query");
                    seenByAnyone += byQuery.Count;
                }

        // The matrix is not trivial: some users see some tasks and not others.
        seenByAnyone.ShouldBeGreaterThan(0);
        seenByAnyone.ShouldBeLessThan(tasks.Count);
    }
}

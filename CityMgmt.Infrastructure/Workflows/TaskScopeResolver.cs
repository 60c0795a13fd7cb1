using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Organisation;
using CityMgmt.Domain.Workflows.Execution;
using CityMgmt.Domain.Workflows.Model;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Workflows;

/// <summary>Turns a task's cm:role / cm:assignment into who may see it: department, street, org unit or one person.</summary>
internal static class TaskScopeResolver
{
    /// <param name="prepared">Look up the department, supervisor or sub-centre with prepared statements (ADR 0017), not EF.</param>
    public static async Task ApplyAsync(CityDbContext db, WorkflowTask task, TaskOpened opened, CityCase item, Category category, bool prepared, CancellationToken ct)
    {
        task.Role = opened.Role;
        task.Assignment = opened.Assignment;
        task.Stage = opened.Stage;
        task.Outcomes = opened.Outcomes.IsDefaultOrEmpty ? null : string.Join(',', opened.Outcomes);
        task.DueAt = opened.DueAt;
        task.StreetId = item.StreetId;
        switch (opened.Assignment)
        {
            case TaskAssignment.CaseDepartment:
                task.DepartmentId = item.DepartmentId;
                break;
            case TaskAssignment.CategoryDefaultDepartment:
                task.DepartmentId = category.DefaultDepartmentId;
                break;
            case TaskAssignment.ComponentOwnerDepartment:
                task.DepartmentId = item.ComponentId is not { } componentId ? category.DefaultDepartmentId
                    : prepared ? StepRowReader.ComponentOwner(db, componentId)
                    : await db.Components.Where(c => c.Id == componentId).Select(c => (Guid?)c.OwnerDepartmentId).FirstOrDefaultAsync(ct);
                break;
            case TaskAssignment.GridSupervisor:
                task.AssigneeUserId = item.GridId is not { } gridId ? null
                    : prepared ? StepRowReader.GridSupervisor(db, gridId)
                    : await (from g in db.Grids
                             join r in db.ResponsibilityGrids on g.ResponsibilityGridId equals r.Id
                             where g.Id == gridId
                             select r.SupervisorUserId).FirstOrDefaultAsync(ct);
                break;
            case TaskAssignment.SubCentreShiftLeader or TaskAssignment.SubCentreDispatcher:
                task.OrgUnitId = item.StreetId is not { } streetId ? null
                    : prepared ? StepRowReader.SubCentre(db, streetId)
                    : await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.SubCentre && o.IsActive && o.AreaDivisionId == streetId)
                        .Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
                break;
        }
    }

    /// <summary>The rule of <see cref="ActionableBy"/> for one task in memory.</summary>
    public static bool IsActionableBy(WorkflowTask t, Organisation.StaffContext who)
    {
        var org = who.Scope.OrgUnitId;
        var userId = who.UserId;
        var common = t.Status == WorkflowTaskStatus.Open
            && t.Role != null && who.Roles.Contains(t.Role)
            && (t.AssigneeUserId == null || t.AssigneeUserId == userId)
            && (t.ClaimedBy == null || t.ClaimedBy == userId)
            && (t.OrgUnitId == null || t.OrgUnitId == org)
            && (t.DepartmentId == null || t.DepartmentId == org);
        return common && who.Scope.Kind switch
        {
            DataScopeKind.All => true,
            DataScopeKind.Area => t.StreetId == who.Scope.AreaDivisionId || t.OrgUnitId == org,
            DataScopeKind.Department => t.DepartmentId == org,
            _ => false,
        };
    }

    /// <summary>Open tasks the user may work on: role, data scope, department, org unit, assignee and claim all agree.</summary>
    public static IQueryable<WorkflowTask> ActionableBy(this IQueryable<WorkflowTask> tasks, Organisation.StaffContext who)
    {
        var roles = who.Roles.ToList();
        var userId = who.UserId;
        var org = who.Scope.OrgUnitId;
        var query = tasks.Where(t => t.Status == WorkflowTaskStatus.Open
            && t.Role != null && EF.Parameter(roles).Contains(t.Role)
            && (t.AssigneeUserId == null || t.AssigneeUserId == userId)
            && (t.ClaimedBy == null || t.ClaimedBy == userId)
            && (t.OrgUnitId == null || t.OrgUnitId == org)
            && (t.DepartmentId == null || t.DepartmentId == org));
        return who.Scope.Kind switch
        {
            DataScopeKind.All => query,
            DataScopeKind.Area => query.Where(t => t.StreetId == who.Scope.AreaDivisionId || t.OrgUnitId == org),
            DataScopeKind.Department => query.Where(t => t.DepartmentId == org),
            _ => query.Where(t => false),
        };
    }
}

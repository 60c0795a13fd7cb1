namespace CityMgmt.Domain.Workflows.Model;

/// <summary>How the host finds who may work on a user task (<c>cm:assignment</c>).</summary>
public enum TaskAssignment
{
    /// <summary>Any holder of the task's role within the case's scope.</summary>
    Role,

    /// <summary>The owner department (主管部门) of the component the case is about.</summary>
    ComponentOwnerDepartment,

    /// <summary>The default department of the case category.</summary>
    CategoryDefaultDepartment,

    /// <summary>The department the case is dispatched to.</summary>
    CaseDepartment,

    /// <summary>The supervisor responsible for the case's grid.</summary>
    GridSupervisor,

    /// <summary>The shift leader of the sub-centre whose area holds the case.</summary>
    SubCentreShiftLeader,

    /// <summary>The dispatcher of the sub-centre whose area holds the case.</summary>
    SubCentreDispatcher,
}

public static class TaskAssignmentNames
{
    public static string DisplayName(this TaskAssignment assignment) => assignment switch
    {
        TaskAssignment.Role => "按角色",
        TaskAssignment.ComponentOwnerDepartment => "部件主管部门",
        TaskAssignment.CategoryDefaultDepartment => "类别默认处置部门",
        TaskAssignment.CaseDepartment => "案件派遣部门",
        TaskAssignment.GridSupervisor => "网格责任监督员",
        TaskAssignment.SubCentreShiftLeader => "分中心值班长",
        TaskAssignment.SubCentreDispatcher => "分中心派遣员",
        _ => assignment.ToString(),
    };
}

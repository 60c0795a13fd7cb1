namespace CityMgmt.Domain.Evaluation;

/// <summary>What is evaluated (domain.md §5): four staff positions, the departments, and four levels of region.</summary>
public enum EvaluationObjectType
{
    Supervisor,
    Operator,
    ShiftLeader,
    Dispatcher,
    Department,
    District,
    Street,
    Community,
    Grid,
}

public static class EvaluationObjectTypeNames
{
    public static string DisplayName(this EvaluationObjectType type) => type switch
    {
        EvaluationObjectType.Supervisor => "监督员",
        EvaluationObjectType.Operator => "受理员",
        EvaluationObjectType.ShiftLeader => "值班长",
        EvaluationObjectType.Dispatcher => "派遣员",
        EvaluationObjectType.Department => "专业部门",
        EvaluationObjectType.District => "区(县)",
        EvaluationObjectType.Street => "街道(镇乡)",
        EvaluationObjectType.Community => "社区(村)",
        EvaluationObjectType.Grid => "单元网格",
        _ => type.ToString(),
    };

    public static bool IsRegion(this EvaluationObjectType type) =>
        type is EvaluationObjectType.District or EvaluationObjectType.Street or EvaluationObjectType.Community or EvaluationObjectType.Grid;
}

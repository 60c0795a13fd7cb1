namespace CityMgmt.Domain.Organisation;

public enum OrgUnitKind
{
    /// <summary>监督指挥中心: sees the whole county.</summary>
    Centre,

    /// <summary>镇乡分中心: sees only its own street/town.</summary>
    SubCentre,

    /// <summary>专业部门/处置单位: sees the cases dispatched to it.</summary>
    Department,
}

public static class OrgUnitKindNames
{
    public static string DisplayName(this OrgUnitKind kind) => kind switch
    {
        OrgUnitKind.Centre => "监督指挥中心",
        OrgUnitKind.SubCentre => "镇乡分中心",
        OrgUnitKind.Department => "专业部门",
        _ => kind.ToString(),
    };
}

namespace CityMgmt.Domain.Organisation;

public enum DataScopeKind
{
    /// <summary>Centre staff and leaders: the whole county.</summary>
    All,

    /// <summary>Sub-centre staff: cases located in their street/town.</summary>
    Area,

    /// <summary>Department staff: cases dispatched to their department.</summary>
    Department,

    /// <summary>No organisation: sees nothing.</summary>
    None,
}

/// <summary>What part of the county's data a user may see. Built once per user from the org unit.</summary>
public sealed record DataScope(DataScopeKind Kind, Guid? OrgUnitId, Guid? AreaDivisionId)
{
    public static readonly DataScope Everything = new(DataScopeKind.All, null, null);
    public static readonly DataScope Nothing = new(DataScopeKind.None, null, null);

    public static DataScope For(OrgUnit? unit) => unit switch
    {
        null => Nothing,
        { IsActive: false } => Nothing,
        { Kind: OrgUnitKind.Centre } => new(DataScopeKind.All, unit.Id, null),
        { Kind: OrgUnitKind.SubCentre } => new(DataScopeKind.Area, unit.Id, unit.AreaDivisionId),
        _ => new(DataScopeKind.Department, unit.Id, null),
    };

    /// <summary>Whether a case in <paramref name="streetId"/> handled by <paramref name="departmentId"/> is visible.</summary>
    public bool Allows(Guid? streetId, Guid? departmentId) => Kind switch
    {
        DataScopeKind.All => true,
        DataScopeKind.Area => streetId is not null && streetId == AreaDivisionId,
        DataScopeKind.Department => departmentId is not null && departmentId == OrgUnitId,
        _ => false,
    };

    public string Describe(string orgName) => Kind switch
    {
        DataScopeKind.All => "全县",
        DataScopeKind.Area => $"{orgName}辖区",
        DataScopeKind.Department => $"{orgName}承办案件",
        _ => "无",
    };
}

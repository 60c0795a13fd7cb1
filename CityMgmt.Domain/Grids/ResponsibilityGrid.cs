using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Grids;

/// <summary>责任网格: a group of unit grids patrolled by one supervisor.</summary>
public sealed class ResponsibilityGrid : AggregateRoot
{
    public const int CodeMaxLength = 20;

    private ResponsibilityGrid()
    {
    }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public Guid StreetId { get; private set; }

    /// <summary>The responsible supervisor's user id; null while the post is vacant.</summary>
    public string? SupervisorUserId { get; private set; }

    public static Result<ResponsibilityGrid> Create(string code, string name, Guid streetId)
    {
        code = code?.Trim() ?? string.Empty;
        name = name?.Trim() ?? string.Empty;
        if (code.Length is 0 or > CodeMaxLength || name.Length is 0 or > UnitGrid.NameMaxLength)
        {
            return new Error("Grid.InvalidResponsibility", "责任网格编码(≤20位)和名称(≤50字)不能为空");
        }

        return new ResponsibilityGrid { Code = code, Name = name, StreetId = streetId };
    }

    public void AssignSupervisor(string? userId) => SupervisorUserId = userId;
}

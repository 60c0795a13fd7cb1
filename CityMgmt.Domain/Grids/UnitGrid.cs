using CityMgmt.Domain.Common;
using CityMgmt.Domain.Divisions;
using CityMgmt.Domain.Geo;
using NetTopologySuite.Geometries;

namespace CityMgmt.Domain.Grids;

/// <summary>单元网格: the smallest management area, about 10,000 m², seamless and non-overlapping.</summary>
public sealed class UnitGrid : SpatialAggregate
{
    public const int NameMaxLength = 50;
    public const int NoteMaxLength = 200;

    private UnitGrid()
    {
    }

    public GridCode Code { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public Guid CommunityId { get; private set; }

    /// <summary>Denormalised from the community so scope filters need no join.</summary>
    public Guid StreetId { get; private set; }

    public Guid? ResponsibilityGridId { get; private set; }

    /// <summary>Area in square metres, measured in a projected system by the geo layer.</summary>
    public double AreaSquareMetres { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly? EndDate { get; private set; }

    public string? ResponsibleBody { get; private set; }

    public string? Note { get; private set; }

    public static Result<UnitGrid> Create(
        GridCode code, string name, AdminDivision community, Polygon boundary, double areaSquareMetres, DateOnly startDate, string? responsibleBody = null)
    {
        name = name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > NameMaxLength)
        {
            return GridErrors.InvalidName;
        }

        if (community.Level != DivisionLevel.Community || code.CommunityCode != community.Code || community.ParentId is null)
        {
            return GridErrors.NotInCommunity;
        }

        var grid = new UnitGrid
        {
            Code = code,
            Name = name,
            CommunityId = community.Id,
            StreetId = community.ParentId.Value,
            AreaSquareMetres = Math.Round(areaSquareMetres, 1),
            StartDate = startDate,
            ResponsibleBody = responsibleBody,
        };
        var shape = grid.SetShape(boundary, OgcGeometryType.Polygon);
        return shape.IsFailure ? shape.Error : grid;
    }

    public void AssignTo(ResponsibilityGrid area) => ResponsibilityGridId = area.Id;

    public Result Retire(DateOnly endDate)
    {
        if (endDate < StartDate)
        {
            return GridErrors.EndBeforeStart;
        }

        EndDate = endDate;
        return Result.Success();
    }
}

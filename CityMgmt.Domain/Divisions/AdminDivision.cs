using CityMgmt.Domain.Common;
using CityMgmt.Domain.Geo;
using NetTopologySuite.Geometries;

namespace CityMgmt.Domain.Divisions;

/// <summary>An administrative division: county → street/town → community/village.</summary>
public sealed class AdminDivision : SpatialAggregate
{
    public const int NameMaxLength = 50;

    private AdminDivision()
    {
    }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public DivisionLevel Level { get; private set; }

    public Guid? ParentId { get; private set; }

    /// <summary>A town (镇/乡) rather than an urban street (街道); both sit at the street level.</summary>
    public bool IsTownship { get; private set; }

    public static Result<AdminDivision> Create(
        string code, string name, DivisionLevel level, AdminDivision? parent, Geometry? boundary = null, bool isTownship = false)
    {
        code = code?.Trim() ?? string.Empty;
        name = name?.Trim() ?? string.Empty;
        var codeCheck = DivisionCodes.Validate(code, level, parent?.Code);
        if (codeCheck.IsFailure)
        {
            return codeCheck.Error;
        }

        if (name.Length is 0 or > NameMaxLength)
        {
            return DivisionErrors.InvalidName;
        }

        if ((level == DivisionLevel.County) != (parent is null) || (parent is not null && parent.Level != level - 1))
        {
            return DivisionErrors.WrongParent;
        }

        var division = new AdminDivision { Code = code, Name = name, Level = level, ParentId = parent?.Id, IsTownship = isTownship };
        if (boundary is not null)
        {
            var shape = division.SetShape(boundary, OgcGeometryType.Polygon, OgcGeometryType.MultiPolygon);
            if (shape.IsFailure)
            {
                return shape.Error;
            }
        }

        return division;
    }

    public Result SetBoundary(Geometry boundary) =>
        SetShape(boundary, OgcGeometryType.Polygon, OgcGeometryType.MultiPolygon);
}

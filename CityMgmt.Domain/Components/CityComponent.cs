using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Geo;
using NetTopologySuite.Geometries;

namespace CityMgmt.Domain.Components;

/// <summary>部件: one facility (a manhole cover, a lamp, a bin …) with its identity code and owners.</summary>
public sealed class CityComponent : SpatialAggregate
{
    public const int NameMaxLength = 50;
    public const int UnitMaxLength = 60;

    private CityComponent()
    {
    }

    /// <summary>ObjID.</summary>
    public ComponentCode Code { get; private set; }

    /// <summary>ObjName.</summary>
    public string Name { get; private set; } = string.Empty;

    public Guid CategoryId { get; private set; }

    /// <summary>DeptCode1/Name1 主管部门: the department cases about it go to.</summary>
    public Guid OwnerDepartmentId { get; private set; }

    /// <summary>DeptName2 权属单位.</summary>
    public string? OwnershipUnit { get; private set; }

    /// <summary>DeptName3 养护单位.</summary>
    public string? MaintenanceUnit { get; private set; }

    /// <summary>BGID: the unit grid it stands in.</summary>
    public Guid? GridId { get; private set; }

    public ComponentState State { get; private set; }

    /// <summary>ORDate.</summary>
    public DateOnly InitialDate { get; private set; }

    /// <summary>CHDate.</summary>
    public DateOnly ChangeDate { get; private set; }

    public string? DataSource { get; private set; }

    public string? Note { get; private set; }

    public static Result<CityComponent> Create(NewComponent input, Category category)
    {
        if (category.Kind != CategoryKind.Component || !category.IsMinor)
        {
            return ComponentErrors.NotAComponentClass;
        }

        if (!input.Code.IsOfClass(category.MajorCode, category.MinorCode!))
        {
            return ComponentErrors.ClassMismatch;
        }

        var name = input.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > NameMaxLength)
        {
            return ComponentErrors.InvalidName;
        }

        if (input.OwnerDepartmentId == Guid.Empty)
        {
            return ComponentErrors.NeedsOwner;
        }

        var component = new CityComponent
        {
            Code = input.Code,
            Name = name,
            CategoryId = category.Id,
            OwnerDepartmentId = input.OwnerDepartmentId,
            OwnershipUnit = Truncate(input.OwnershipUnit),
            MaintenanceUnit = Truncate(input.MaintenanceUnit),
            GridId = input.GridId,
            State = input.State,
            InitialDate = input.InitialDate,
            ChangeDate = input.InitialDate,
            DataSource = Truncate(input.DataSource),
            Note = input.Note?.Trim(),
        };
        var shape = component.SetShape(input.Shape, OgcGeometryType.Point, OgcGeometryType.LineString, OgcGeometryType.Polygon);
        return shape.IsFailure ? shape.Error : component;
    }

    /// <summary>A field check (普查) or a repair changed the state: CHDate follows.</summary>
    public void ChangeState(ComponentState state, DateOnly on)
    {
        State = state;
        ChangeDate = on;
    }

    private static string? Truncate(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, UnitMaxLength)];
}

public sealed record NewComponent(
    ComponentCode Code,
    string Name,
    Guid OwnerDepartmentId,
    Geometry Shape,
    DateOnly InitialDate,
    Guid? GridId = null,
    ComponentState State = ComponentState.Intact,
    string? OwnershipUnit = null,
    string? MaintenanceUnit = null,
    string? DataSource = null,
    string? Note = null);

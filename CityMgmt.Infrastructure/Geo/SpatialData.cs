using CityMgmt.Domain.Divisions;
using CityMgmt.Domain.Geocoding;
using NetTopologySuite.Geometries;

namespace CityMgmt.Infrastructure.Geo;

/// <summary>The base data a <see cref="SpatialIndex"/> is built from, as read from the database.</summary>
internal sealed record SpatialData(
    IReadOnlyList<DivisionRow> Divisions,
    IReadOnlyList<GridRow> Grids,
    IReadOnlyDictionary<Guid, string?> Supervisors,
    IReadOnlyList<SubCentreRow> SubCentres,
    IReadOnlyList<ComponentRow> Components,
    IReadOnlyList<GazetteerEntry> Gazetteer);

internal sealed record DivisionRow(Guid Id, string Code, string Name, DivisionLevel Level, Guid? ParentId, Geometry? Shape);

internal sealed record GridRow(Guid Id, string Code, Guid CommunityId, Guid StreetId, Guid? ResponsibilityGridId, Geometry Shape);

internal sealed record SubCentreRow(Guid Id, string Code, Guid StreetId);

/// <summary>A component reduced to a point (centroid of lines and polygons).</summary>
internal sealed record ComponentRow(Guid Id, string Code, string Name, Guid CategoryId, Guid OwnerDepartmentId, double X, double Y);

using CityMgmt.Domain.Geo;

namespace CityMgmt.Domain.Cases;

/// <summary>What a report carries when a case is created. Grid and divisions come from the geocoder or a picker.</summary>
public sealed record NewCaseReport(
    CaseSource Source,
    Guid CategoryId,
    GeoPoint Position,
    string Address,
    string Description,
    CaseLocation Location,
    Guid? ComponentId = null,
    string? ReporterName = null,
    string? ReporterPhone = null,
    bool CallbackRequested = false);

/// <summary>The areas a case lies in, resolved from its position.</summary>
public sealed record CaseLocation(Guid? GridId, string? GridCode, Guid? CommunityId, Guid? StreetId)
{
    public static readonly CaseLocation Unknown = new(null, null, null, null);
}

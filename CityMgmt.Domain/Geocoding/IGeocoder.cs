using CityMgmt.Domain.Geo;

namespace CityMgmt.Domain.Geocoding;

/// <summary>
/// 地理编码: point → grid/community/street/responsibility grid/sub-centre, nearby components, address ↔
/// coordinates. Implemented in Infrastructure over in-memory indexes rebuilt when base data changes.
/// </summary>
public interface IGeocoder
{
    Task<PointLocation> LocateAsync(GeoPoint point, CancellationToken ct = default);

    /// <summary>Components within <paramref name="radiusMetres"/>, nearest first; optionally of one minor class.</summary>
    Task<IReadOnlyList<NearbyComponent>> NearestComponentsAsync(GeoPoint point, double radiusMetres, int max, Guid? categoryId = null, CancellationToken ct = default);

    /// <summary>Address text (road + number, POI, "人民路口东50米") → candidate positions, best first.</summary>
    Task<IReadOnlyList<AddressMatch>> GeocodeAsync(string address, CancellationToken ct = default);

    /// <summary>Coordinates → a readable address such as "人民路12号附近".</summary>
    Task<string> DescribeAsync(GeoPoint point, CancellationToken ct = default);

    /// <summary>Base data changed (import, edit): the next call rebuilds the indexes.</summary>
    void Invalidate();
}

/// <summary>Where a point lies. Nulls mean outside every grid (or no responsibility grid/sub-centre there).</summary>
public sealed record PointLocation(
    Guid? GridId,
    string? GridCode,
    Guid? CommunityId,
    string? CommunityName,
    Guid? StreetId,
    string? StreetName,
    Guid? ResponsibilityGridId,
    string? SupervisorUserId,
    Guid? SubCentreId)
{
    public static readonly PointLocation Outside = new(null, null, null, null, null, null, null, null, null);

    public bool IsInsideAGrid => GridId is not null;
}

public sealed record NearbyComponent(Guid Id, string Code, string Name, Guid CategoryId, Guid OwnerDepartmentId, double DistanceMetres);

public sealed record AddressMatch(GeoPoint Point, string Description, GazetteerKind MatchedKind, double Confidence);

using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Geocoding;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Field;

/// <summary>A report as the phone keeps it in its draft: what the supervisor chose and typed, and the draft's idempotency key.</summary>
public sealed record FieldReport(
    Guid ClientKey, Guid? CategoryId, double? Longitude, double? Latitude, Guid? ComponentId, string? Address, string? Description, bool SelfHandled);

/// <summary>The case a report became (or had already become, when it was sent twice).</summary>
public sealed record FieldReportReceipt(Guid CaseId, string CaseNumber);

/// <summary>
/// 问题上报 from the supervisor's phone (ADR 0012): the grid, community, street and nearest component are found
/// from the position when the report reaches the server — the phone may have been offline when it was written —
/// and the draft's key makes a report that is sent again return the first case instead of a second one.
/// </summary>
public sealed class FieldReportService(IDbContextFactory<CityDbContext> factory, IGeocoder geocoder, CaseReportingService reporting)
{
    public const double ComponentRadiusMetres = 30;

    public static readonly Error KeyMissing = new("Field.KeyMissing", "草稿标识缺失，请刷新页面后重新上报");
    public static readonly Error CategoryMissing = new("Field.CategoryMissing", "请选择问题类别");
    public static readonly Error PositionMissing = new("Field.PositionMissing", "请确定问题位置（使用当前位置或地图选点）");
    public static readonly Error SelfHandledNeedsPhoto = new("Field.SelfHandledNeedsPhoto", "自行处置需上传处置后的现场照片");
    public static readonly Error OutsideGrids = new("Field.OutsideGrids", "该位置不在本辖区的单元网格内，请重新选点");

    public async Task<Result<FieldReportReceipt>> SubmitAsync(StaffContext who, FieldReport draft, IReadOnlyList<StoredFile> photos, CancellationToken ct = default)
    {
        if (draft.ClientKey == Guid.Empty)
        {
            return KeyMissing;
        }

        if (draft.CategoryId is not { } categoryId)
        {
            return CategoryMissing;
        }

        if (draft.Longitude is not { } lon || draft.Latitude is not { } lat)
        {
            return PositionMissing;
        }

        if (photos.Count > CityCase.MaxAttachmentsPerStage)
        {
            return CaseErrors.TooManyAttachments;
        }

        if (draft.SelfHandled && photos.Count == 0)
        {
            return SelfHandledNeedsPhoto;
        }

        var point = GeoPoint.Create(lon, lat);
        if (point.IsFailure)
        {
            return point.Error;
        }

        var location = await geocoder.LocateAsync(point.Value, ct);
        if (!location.IsInsideAGrid)
        {
            return OutsideGrids;
        }

        var nearby = await geocoder.NearestComponentsAsync(point.Value, ComponentRadiusMetres, 5, ct: ct);
        var component = nearby.FirstOrDefault(n => n.Id == draft.ComponentId) ?? (nearby.Count > 0 ? nearby[0] : null);
        var address = string.IsNullOrWhiteSpace(draft.Address) ? await geocoder.DescribeAsync(point.Value, ct) : draft.Address;
        var report = new NewCaseReport(
            draft.SelfHandled ? CaseSource.SelfHandled : CaseSource.SupervisorReport, categoryId, point.Value, address, draft.Description ?? string.Empty,
            new CaseLocation(location.GridId, location.GridCode, location.CommunityId, location.StreetId), component?.Id);
        var number = await reporting.ReportAsync(who, report, photos, draft.ClientKey, ct);
        if (number.IsFailure)
        {
            return number.Error;
        }

        await using var db = factory.CreateDbContext();
        var caseId = await db.Cases.Where(c => c.Number == number.Value).Select(c => c.Id).SingleAsync(ct);
        return new FieldReportReceipt(caseId, number.Value.Value);
    }
}

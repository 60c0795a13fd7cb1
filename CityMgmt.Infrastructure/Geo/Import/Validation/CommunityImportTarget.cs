using CityMgmt.Domain.Divisions;
using CityMgmt.Infrastructure.Geo.Import.Reading;
using CityMgmt.Infrastructure.Geo.Import.Writing;
using CityMgmt.Infrastructure.Persistence;
using NetTopologySuite.Geometries;
using F = CityMgmt.Infrastructure.Geo.Import.ImportFields;

namespace CityMgmt.Infrastructure.Geo.Import.Validation;

internal sealed record CommunityImportRow(int Row, AdminDivision Candidate, Guid? ExistingId);

/// <summary>
/// Communities (社区/村): 12-digit code under an existing street or town, a name, a valid (multi)polygon
/// inside the street when the street has a boundary, overlapping no other community.
/// </summary>
internal sealed class CommunityImportTarget(ImportContext context) : ImportTarget<CommunityImportRow>
{
    private static readonly OgcGeometryType[] Shapes = [OgcGeometryType.Polygon, OgcGeometryType.MultiPolygon];

    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
    private readonly AreaTopology _topology = new(context.Options.TopologyToleranceSquareMetres);

    public override Task PrepareBatchAsync(CityDbContext db, IReadOnlyList<ImportRecord> batch, CancellationToken ct)
    {
        var replaced = batch.Select(r => r.Text(F.Code)).OfType<string>().ToHashSet();
        foreach (var community in context.Data.DivisionsByCode.Values)
        {
            if (community is { Level: DivisionLevel.Community, Shape: { } shape } && !replaced.Contains(community.Code))
            {
                _topology.Add(community.Code, shape);
            }
        }

        return Task.CompletedTask;
    }

    public override CommunityImportRow? Validate(ImportRecord r, List<ImportError> errors)
    {
        var start = errors.Count;
        var code = r.Text(F.Code);
        var street = code is null ? null : Street(r, code, errors);
        var shape = GeometryChecks.Prepare(r, context.CoordinateSystem, Shapes, "面或多面", errors, code);
        if (shape is not null && street?.Shape is { } boundary && _topology.Outside(shape, boundary) is > 0 and var outside)
        {
            errors.Add(r.Error(F.Geometry, $"社区超出所属街道(乡镇)“{street.Name}”的边界约 {outside:F1} 平方米", code));
        }

        if (shape is not null && _topology.FindOverlap(shape) is { } overlap)
        {
            errors.Add(r.Error(F.Geometry, $"与社区 {overlap.Code} 重叠约 {overlap.SquareMetres:F1} 平方米", code));
        }

        if (code is null)
        {
            errors.Add(r.Error(F.Code, "社区代码不能为空"));
        }

        if (errors.Count > start || code is null || street is null || shape is null)
        {
            return null;
        }

        var existing = context.Data.DivisionsByCode.GetValueOrDefault(code);
        var community = AdminDivision.Create(code, r.Text(F.Name) ?? existing?.Name ?? string.Empty, DivisionLevel.Community, street, shape);
        if (community.IsFailure)
        {
            errors.Add(r.Error(community.Error.Code == DivisionErrors.InvalidName.Code ? F.Name : F.Code, community.Error.Message, code));
            return null;
        }

        _topology.Add(code, shape);
        return new CommunityImportRow(r.Row, community.Value, existing?.Id);
    }

    public override Task<WriteCounts> WriteAsync(CityDbContext db, IReadOnlyList<CommunityImportRow> rows, CancellationToken ct) =>
        AreaWriter.WriteCommunitiesAsync(db, rows, ct);

    private AdminDivision? Street(ImportRecord r, string code, List<ImportError> errors)
    {
        var shape = DivisionCodes.Validate(code, DivisionLevel.Community, null);
        if (shape.IsFailure)
        {
            errors.Add(r.Error(F.Code, shape.Error.Message, code));
            return null;
        }

        if (_seen.TryGetValue(code, out var first))
        {
            errors.Add(r.Error(F.Code, $"社区代码与文件第 {first} 行重复", code));
            return null;
        }

        _seen[code] = r.Row;
        if (r.Text(F.StreetCode) is { } given && given != code[..9])
        {
            errors.Add(r.Error(F.StreetCode, $"所属街道代码 {given} 与社区代码前9位 {code[..9]} 不一致", code));
            return null;
        }

        if (context.Data.DivisionsByCode.GetValueOrDefault(code[..9]) is { Level: DivisionLevel.Street } street)
        {
            return street;
        }

        errors.Add(r.Error(F.Code, $"社区代码前9位 {code[..9]} 对应的街道(乡镇)不存在", code));
        return null;
    }
}

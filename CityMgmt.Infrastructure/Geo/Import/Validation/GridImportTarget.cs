using CityMgmt.Domain.Divisions;
using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Grids;
using CityMgmt.Infrastructure.Geo.Import.Reading;
using CityMgmt.Infrastructure.Geo.Import.Writing;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using F = CityMgmt.Infrastructure.Geo.Import.ImportFields;

namespace CityMgmt.Infrastructure.Geo.Import.Validation;

internal sealed record GridImportRow(int Row, UnitGrid Candidate, Guid? ExistingId, string? Note);

/// <summary>
/// Unit grids: 15-digit code, an existing community (the code's first 12 digits), one valid polygon inside
/// that community, overlapping no stored grid and no other grid of the file. A stored code is updated;
/// its old boundary is left out of the overlap check, as are the boundaries of every grid the file replaces.
/// </summary>
internal sealed class GridImportTarget(ImportContext context) : ImportTarget<GridImportRow>
{
    private static readonly OgcGeometryType[] Shapes = [OgcGeometryType.Polygon];

    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
    private readonly AreaTopology _topology = new(context.Options.TopologyToleranceSquareMetres);
    private Dictionary<string, UnitGrid> _existing = [];

    public override async Task PrepareBatchAsync(CityDbContext db, IReadOnlyList<ImportRecord> batch, CancellationToken ct)
    {
        var codes = batch.Select(r => GridCode.Parse(r.Text(F.Bgid))).Where(c => c.IsSuccess).Select(c => c.Value).Distinct().ToList();
        _existing = codes.Count == 0 ? [] : await db.Grids.AsNoTracking().Where(g => codes.Contains(g.Code)).ToDictionaryAsync(g => g.Code.Value, ct);
        var replaced = codes.Select(c => c.Value).ToHashSet();
        foreach (var grid in context.Data.GridsByCode.Values.Where(g => !replaced.Contains(g.Code)))
        {
            _topology.Add(grid.Code, grid.Shape);
        }
    }

    public override GridImportRow? Validate(ImportRecord r, List<ImportError> errors)
    {
        var start = errors.Count;
        var raw = r.Text(F.Bgid);
        var code = Code(r, raw, errors);
        var community = code is { } c ? Community(r, c, errors) : null;
        var existing = code is { } e ? _existing.GetValueOrDefault(e.Value) : null;
        var shape = GeometryChecks.Prepare(r, context.CoordinateSystem, Shapes, "面（单个多边形）", errors, raw) as Polygon;
        if (shape is not null && community?.Shape is { } boundary && _topology.Outside(shape, boundary) is > 0 and var outside)
        {
            errors.Add(r.Error(F.Geometry, $"网格超出所属社区“{community.Name}”的边界约 {outside:F1} 平方米", raw));
        }

        if (shape is not null && _topology.FindOverlap(shape) is { } overlap)
        {
            errors.Add(r.Error(F.Geometry, $"与单元网格 {overlap.Code} 重叠约 {overlap.SquareMetres:F1} 平方米（单元网格不得重叠）", raw));
        }

        var startDate = FieldValues.Date(r.Values.GetValueOrDefault(F.OrDate), out var badDate);
        if (badDate)
        {
            errors.Add(r.Error(F.OrDate, $"设立日期“{r.Text(F.OrDate)}”不是有效日期（应如 2024-05-01）", raw));
        }

        if (errors.Count > start || code is null || community is null || shape is null)
        {
            return null;
        }

        var name = r.Text(F.Name) ?? existing?.Name ?? $"{community.Name}{code.Value.Sequence:D3}号网格";
        var grid = UnitGrid.Create(code.Value, name, community, shape, GeoMetrics.AreaSquareMetres(shape),
            startDate ?? existing?.StartDate ?? context.Today, ComponentFieldRules.Keep(r, F.Unit, existing?.ResponsibleBody));
        if (grid.IsFailure)
        {
            errors.Add(r.Error(F.Name, grid.Error.Message, raw));
            return null;
        }

        _topology.Add(code.Value.Value, shape);
        return new GridImportRow(r.Row, grid.Value, existing?.Id, ComponentFieldRules.Keep(r, F.Note, existing?.Note));
    }

    public override Task<WriteCounts> WriteAsync(CityDbContext db, IReadOnlyList<GridImportRow> rows, CancellationToken ct) =>
        AreaWriter.WriteGridsAsync(db, rows, ct);

    private GridCode? Code(ImportRecord r, string? raw, List<ImportError> errors)
    {
        if (raw is null)
        {
            errors.Add(r.Error(F.Bgid, "网格编码(BGID)不能为空"));
            return null;
        }

        var parsed = GridCode.Parse(raw);
        if (parsed.IsFailure)
        {
            errors.Add(r.Error(F.Bgid, parsed.Error.Message, raw));
            return null;
        }

        if (_seen.TryGetValue(parsed.Value.Value, out var first))
        {
            errors.Add(r.Error(F.Bgid, $"网格编码与文件第 {first} 行重复", raw));
            return null;
        }

        _seen[parsed.Value.Value] = r.Row;
        return parsed.Value;
    }

    private AdminDivision? Community(ImportRecord r, GridCode code, List<ImportError> errors)
    {
        if (r.Text(F.CommunityCode) is { } given && given != code.CommunityCode)
        {
            errors.Add(r.Error(F.CommunityCode, $"所属社区代码 {given} 与网格编码前12位 {code.CommunityCode} 不一致", code.Value));
            return null;
        }

        if (context.Data.DivisionsByCode.GetValueOrDefault(code.CommunityCode) is { Level: DivisionLevel.Community } community)
        {
            return community;
        }

        errors.Add(r.Error(F.Bgid, $"网格编码前12位 {code.CommunityCode} 对应的社区不存在，请先导入社区", code.Value));
        return null;
    }
}

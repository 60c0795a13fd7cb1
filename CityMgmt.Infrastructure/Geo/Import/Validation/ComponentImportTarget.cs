using CityMgmt.Domain.Components;
using CityMgmt.Infrastructure.Geo.Import.Reading;
using CityMgmt.Infrastructure.Geo.Import.Writing;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using F = CityMgmt.Infrastructure.Geo.Import.ImportFields;

namespace CityMgmt.Infrastructure.Geo.Import.Validation;

/// <summary>A validated component row: the candidate built by the aggregate's own factory, and the stored one it updates.</summary>
internal sealed record ComponentImportRow(int Row, CityComponent Candidate, CityComponent? Existing, DateOnly ChangeDate);

/// <summary>
/// Components: code (scheme length, county, class), owner, grid, state, dates, geometry. Existing codes
/// are updates; each batch loads the components it updates (tracked) before validation.
/// </summary>
internal sealed class ComponentImportTarget(ImportContext context) : ImportTarget<ComponentImportRow>
{
    private static readonly OgcGeometryType[] Shapes = [OgcGeometryType.Point, OgcGeometryType.LineString, OgcGeometryType.Polygon];

    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
    private Dictionary<string, CityComponent> _existing = [];

    public override int BatchSize => context.Options.BatchSize;

    public override async Task PrepareBatchAsync(CityDbContext db, IReadOnlyList<ImportRecord> batch, CancellationToken ct)
    {
        var codes = batch.Select(r => ComponentCode.Parse(r.Text(F.ObjId), context.Scheme))
            .Where(c => c.IsSuccess).Select(c => c.Value).Distinct().ToList();
        _existing = codes.Count == 0
            ? []
            : await db.Components.Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code.Value, ct);
    }

    public override ComponentImportRow? Validate(ImportRecord r, List<ImportError> errors)
    {
        var start = errors.Count;
        var raw = r.Text(F.ObjId);
        var code = Code(r, raw, errors);
        var category = code is { } c ? ComponentFieldRules.Category(r, c, context, errors) : null;
        var existing = code is { } e ? _existing.GetValueOrDefault(e.Value) : null;
        var label = raw ?? string.Empty;

        var shape = GeometryChecks.Prepare(r, context.CoordinateSystem, Shapes, "点、线或面", errors, raw);
        var owner = ComponentFieldRules.Owner(r, category, existing, context, errors, label);
        var grid = ComponentFieldRules.Grid(r, shape, context, errors, label);
        var state = ComponentFieldRules.State(r, existing, errors, label);
        var dates = ComponentFieldRules.Dates(r, existing, context, errors, label);
        var note = ComponentFieldRules.Keep(r, F.Note, existing?.Note);
        if (note?.Length > 500)
        {
            errors.Add(r.Error(F.Note, $"备注超过500字（{note.Length}字）", raw));
        }

        if (errors.Count > start || code is null || category is null || shape is null || owner is null || state is null || dates is null)
        {
            return null;
        }

        var input = new NewComponent(
            code.Value,
            r.Text(F.ObjName) ?? existing?.Name ?? category.Name,
            owner.Value,
            shape,
            dates.Value.Initial,
            grid,
            state.Value,
            ComponentFieldRules.Keep(r, F.DeptName2, existing?.OwnershipUnit),
            ComponentFieldRules.Keep(r, F.DeptName3, existing?.MaintenanceUnit),
            ComponentFieldRules.Keep(r, F.DataSource, existing?.DataSource),
            note);
        var candidate = CityComponent.Create(input, category);
        if (candidate.IsFailure)
        {
            errors.Add(r.Error(candidate.Error.Code == ComponentErrors.InvalidName.Code ? F.ObjName : F.ObjId, candidate.Error.Message, raw));
            return null;
        }

        return new ComponentImportRow(r.Row, candidate.Value, existing, dates.Value.Change);
    }

    public override Task<WriteCounts> WriteAsync(CityDbContext db, IReadOnlyList<ComponentImportRow> rows, CancellationToken ct) =>
        new ComponentWriter(context).WriteAsync(db, rows, ct);

    private ComponentCode? Code(ImportRecord r, string? raw, List<ImportError> errors)
    {
        if (raw is null)
        {
            errors.Add(r.Error(F.ObjId, "部件标识码(ObjID)不能为空"));
            return null;
        }

        var parsed = ComponentCode.Parse(raw, context.Scheme);
        if (parsed.IsFailure)
        {
            errors.Add(r.Error(F.ObjId, parsed.Error.Message, raw));
            return null;
        }

        var code = parsed.Value;
        if (context.Data.Counties.Count > 0 && !context.Data.Counties.Contains(code.CountyCode))
        {
            errors.Add(r.Error(F.ObjId, $"标识码前6位 {code.CountyCode} 不是本系统的县级区划代码", raw));
            return null;
        }

        if (_seen.TryGetValue(code.Value, out var first))
        {
            errors.Add(r.Error(F.ObjId, $"标识码与文件第 {first} 行重复", raw));
            return null;
        }

        _seen[code.Value] = r.Row;
        return code;
    }
}

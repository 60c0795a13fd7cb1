using System.Runtime.CompilerServices;
using CityMgmt.Domain.Components;
using CityMgmt.Domain.Divisions;
using CityMgmt.Infrastructure.Geo.Import;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using F = CityMgmt.Infrastructure.Geo.Import.ImportFields;

namespace CityMgmt.Infrastructure.Geo.Export;

public enum ExportColumnType
{
    Text,
    Date,
    Number,
}

/// <summary>One exported attribute; <see cref="MaxChars"/> sizes the shapefile's character field.</summary>
public sealed record ExportColumn(string Name, ExportColumnType Type = ExportColumnType.Text, int MaxChars = 50);

/// <summary>One exported feature: values in column order.</summary>
public sealed record ExportFeature(Geometry? Shape, object?[] Values);

/// <summary>
/// The rows of an export, streamed from the database in code order (no-tracking, one at a time). Attribute
/// names are the standard's, the same the importer reads, so an export can be edited and imported back.
/// </summary>
internal static class ExportSource
{
    public static IReadOnlyList<ExportColumn> Columns(BaseDataKind kind) => kind switch
    {
        BaseDataKind.Grid =>
        [
            new(F.Bgid, MaxChars: 15), new(F.Name), new(F.CommunityCode, MaxChars: 12), new("CommName"), new("StreetName"),
            new(F.Area, ExportColumnType.Number), new(F.OrDate, ExportColumnType.Date), new("EndDate", ExportColumnType.Date),
            new(F.Unit), new(F.Note, MaxChars: 200),
        ],
        BaseDataKind.Community => [new(F.Code, MaxChars: 12), new(F.Name), new(F.StreetCode, MaxChars: 9), new("StreetName")],
        _ =>
        [
            new(F.ObjId, MaxChars: 17), new(F.ObjName), new(F.ClassCode, MaxChars: 5), new(F.ClassName, MaxChars: 30),
            new(F.DeptCode1, MaxChars: 20), new(F.DeptName1), new(F.DeptName2, MaxChars: 60), new(F.DeptName3, MaxChars: 60),
            new(F.Bgid, MaxChars: 15), new(F.ObjState, MaxChars: 4), new(F.OrDate, ExportColumnType.Date), new(F.ChDate, ExportColumnType.Date),
            new(F.DataSource, MaxChars: 60), new(F.Note, MaxChars: 500),
        ],
    };

    public static IAsyncEnumerable<ExportFeature> Rows(CityDbContext db, BaseDataKind kind, CancellationToken ct) => kind switch
    {
        BaseDataKind.Grid => GridsAsync(db, ct),
        BaseDataKind.Community => CommunitiesAsync(db, ct),
        _ => ComponentsAsync(db, ct),
    };

    private static async IAsyncEnumerable<ExportFeature> ComponentsAsync(CityDbContext db, [EnumeratorCancellation] CancellationToken ct)
    {
        var classes = await db.Categories.AsNoTracking().Where(c => c.MinorCode != null).ToDictionaryAsync(c => c.Id, c => (c.FullCode, c.Name), ct);
        var departments = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(o => o.Id, o => (o.Code, o.Name), ct);
        var grids = await db.Grids.AsNoTracking().Select(g => new { g.Id, g.Code }).ToDictionaryAsync(g => g.Id, g => g.Code.Value, ct);
        await foreach (var c in db.Components.AsNoTracking().OrderBy(c => c.Code).AsAsyncEnumerable().WithCancellation(ct))
        {
            var (classCode, className) = classes.GetValueOrDefault(c.CategoryId);
            var (deptCode, deptName) = departments.GetValueOrDefault(c.OwnerDepartmentId);
            yield return new ExportFeature(c.Shape,
            [
                c.Code.Value, c.Name, classCode, className, deptCode, deptName, c.OwnershipUnit, c.MaintenanceUnit,
                c.GridId is { } g ? grids.GetValueOrDefault(g) : null, c.State.DisplayName(), c.InitialDate, c.ChangeDate, c.DataSource, c.Note,
            ]);
        }
    }

    private static async IAsyncEnumerable<ExportFeature> GridsAsync(CityDbContext db, [EnumeratorCancellation] CancellationToken ct)
    {
        var divisions = await db.Divisions.AsNoTracking().ToDictionaryAsync(d => d.Id, d => (d.Code, d.Name), ct);
        await foreach (var g in db.Grids.AsNoTracking().OrderBy(g => g.Code).AsAsyncEnumerable().WithCancellation(ct))
        {
            var community = divisions.GetValueOrDefault(g.CommunityId);
            yield return new ExportFeature(g.Shape,
            [
                g.Code.Value, g.Name, community.Code, community.Name, divisions.GetValueOrDefault(g.StreetId).Name,
                g.AreaSquareMetres, g.StartDate, g.EndDate, g.ResponsibleBody, g.Note,
            ]);
        }
    }

    private static async IAsyncEnumerable<ExportFeature> CommunitiesAsync(CityDbContext db, [EnumeratorCancellation] CancellationToken ct)
    {
        var streets = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Street).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var query = db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Community).OrderBy(d => d.Code);
        await foreach (var d in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new ExportFeature(d.Shape, [d.Code, d.Name, d.Code[..9], d.ParentId is { } p ? streets.GetValueOrDefault(p) : null]);
        }
    }
}

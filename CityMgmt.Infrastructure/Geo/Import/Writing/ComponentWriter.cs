using CityMgmt.Domain.Components;
using CityMgmt.Infrastructure.Geo.Import.Validation;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Seeding;

namespace CityMgmt.Infrastructure.Geo.Import.Writing;

/// <summary>
/// Writes a batch of component rows: new ones with prepared bulk inserts (170,000 rows in seconds) plus a
/// "created" change each; updates field by field, each changed field, position or state recorded as a
/// <see cref="ComponentChange"/> with the row's CHDate.
/// </summary>
internal sealed class ComponentWriter(ImportContext context)
{
    private static readonly (string Property, string Label)[] Attributes =
    [
        (nameof(CityComponent.Name), "ObjName 名称"),
        (nameof(CityComponent.OwnerDepartmentId), "DeptName1 主管部门"),
        (nameof(CityComponent.OwnershipUnit), "DeptName2 权属单位"),
        (nameof(CityComponent.MaintenanceUnit), "DeptName3 养护单位"),
        (nameof(CityComponent.GridId), "BGID 所在网格"),
        (nameof(CityComponent.InitialDate), "ORDate 初始日期"),
        (nameof(CityComponent.DataSource), "DataSource 数据来源"),
        (nameof(CityComponent.Note), "Note 备注"),
    ];

    public async Task<WriteCounts> WriteAsync(CityDbContext db, IReadOnlyList<ComponentImportRow> rows, CancellationToken ct)
    {
        var created = rows.Where(r => r.Existing is null).Select(r => r.Candidate).ToList();
        if (created.Count > 0)
        {
            await BulkInserter.InsertAsync(db, created, db.AuditUserName, context.Now, ct);
            var history = created.Select(c => new ComponentChange(
                c.Id, context.Now, c.ChangeDate, ComponentChangeKind.Created, ComponentChangeSource.Import, context.ActorName,
                null, $"{c.Code} {c.Name} {c.State.DisplayName()}", $"导入文件 {context.FileName}"));
            await BulkInserter.InsertAsync(db, history, db.AuditUserName, context.Now, ct);
        }

        var updated = 0;
        foreach (var row in rows.Where(r => r.Existing is not null))
        {
            var changes = Patch(db, row.Existing!, row.Candidate, row.ChangeDate);
            if (changes.Count > 0)
            {
                db.ComponentChanges.AddRange(changes);
                updated++;
            }
        }

        await db.SaveChangesAsync(ct);
        return new WriteCounts(created.Count, updated, rows.Count - created.Count - updated);
    }

    private List<ComponentChange> Patch(CityDbContext db, CityComponent target, CityComponent source, DateOnly on)
    {
        var changes = new List<ComponentChange>();
        var note = $"导入文件 {context.FileName}";
        foreach (var (property, label) in Attributes)
        {
            if (EntityPatch.Set(db, target, source, property) is { } change)
            {
                changes.Add(Change(target, on, ComponentChangeKind.AttributesChanged, Display(change.Old), Display(change.New), $"{label}；{note}"));
            }
        }

        if (EntityPatch.SetShape(db, target, source) is { } moved)
        {
            changes.Add(Change(target, on, ComponentChangeKind.Moved, EntityPatch.Describe(moved.Old), EntityPatch.Describe(moved.New), $"位置；{note}"));
        }

        if (target.State != source.State)
        {
            changes.Add(Change(target, on, ComponentChangeKind.StateChanged, target.State.DisplayName(), source.State.DisplayName(), $"ObjState 状态；{note}"));
            target.ChangeState(source.State, on);
        }
        else if (changes.Count > 0)
        {
            db.Entry(target).Property(c => c.ChangeDate).CurrentValue = on;
        }

        return changes;
    }

    private ComponentChange Change(CityComponent target, DateOnly on, ComponentChangeKind kind, string? oldValue, string? newValue, string note) =>
        new(target.Id, context.Now, on, kind, ComponentChangeSource.Import, context.ActorName, oldValue, newValue, note);

    private string? Display(object? value) => value switch
    {
        null => null,
        Guid id when context.Data.DepartmentsById.TryGetValue(id, out var dept) => dept,
        Guid id when context.Data.GridCodesById.TryGetValue(id, out var grid) => grid,
        DateOnly d => d.ToString("yyyy-MM-dd"),
        _ => value.ToString(),
    };
}

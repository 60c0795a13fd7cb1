using CityMgmt.Domain.Divisions;
using CityMgmt.Domain.Grids;
using CityMgmt.Infrastructure.Geo.Import.Validation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Geo.Import.Writing;

/// <summary>Grids and communities: a few thousand rows at most, written through the change tracker.</summary>
internal static class AreaWriter
{
    private static readonly string[] GridFields =
        [nameof(UnitGrid.Name), nameof(UnitGrid.AreaSquareMetres), nameof(UnitGrid.StartDate), nameof(UnitGrid.ResponsibleBody)];

    public static async Task<WriteCounts> WriteGridsAsync(CityDbContext db, IReadOnlyList<GridImportRow> rows, CancellationToken ct)
    {
        var ids = rows.Where(r => r.ExistingId is not null).Select(r => r.ExistingId!.Value).ToList();
        var stored = await db.Grids.Where(g => ids.Contains(g.Id)).ToDictionaryAsync(g => g.Id, ct);
        var (created, updated) = (0, 0);
        foreach (var row in rows)
        {
            if (row.ExistingId is not { } id)
            {
                db.Grids.Add(row.Candidate);
                db.Entry(row.Candidate).Property(g => g.Note).CurrentValue = row.Note;
                created++;
                continue;
            }

            var target = stored[id];
            var changed = GridFields.Count(f => EntityPatch.Set(db, target, row.Candidate, f) is not null);
            changed += EntityPatch.SetShape(db, target, row.Candidate) is null ? 0 : 1;
            var note = db.Entry(target).Property(g => g.Note);
            if (note.CurrentValue != row.Note)
            {
                note.CurrentValue = row.Note;
                changed++;
            }

            updated += changed > 0 ? 1 : 0;
        }

        await db.SaveChangesAsync(ct);
        return new WriteCounts(created, updated, rows.Count - created - updated);
    }

    public static async Task<WriteCounts> WriteCommunitiesAsync(CityDbContext db, IReadOnlyList<CommunityImportRow> rows, CancellationToken ct)
    {
        var ids = rows.Where(r => r.ExistingId is not null).Select(r => r.ExistingId!.Value).ToList();
        var stored = await db.Divisions.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var (created, updated) = (0, 0);
        foreach (var row in rows)
        {
            if (row.ExistingId is not { } id)
            {
                db.Divisions.Add(row.Candidate);
                created++;
                continue;
            }

            var target = stored[id];
            var renamed = EntityPatch.Set(db, target, row.Candidate, nameof(AdminDivision.Name)) is not null;
            var moved = EntityPatch.SetShape(db, target, row.Candidate) is not null;
            updated += renamed || moved ? 1 : 0;
        }

        await db.SaveChangesAsync(ct);
        return new WriteCounts(created, updated, rows.Count - created - updated);
    }
}

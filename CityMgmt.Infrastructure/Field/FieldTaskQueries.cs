using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Organisation;
using CityMgmt.Domain.Workflows.Model;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Field;

/// <summary>One open 核实 or 核查 task of the supervisor, with how far the case is from the device (when known).</summary>
public sealed record FieldTaskRow(
    Guid TaskId, Guid CaseId, string CaseNumber, int CaseVersion, StandardStage Stage, string CategoryName, string Address, string Description,
    GeoPoint Position, DateTimeOffset OpenedAt, DateTimeOffset? DueAt, double? DistanceMetres)
{
    /// <summary>The two actions that answer the task: yes first (属实 / 通过), then no (不属实 / 不通过).</summary>
    public (CaseActionKind Yes, CaseActionKind No) Answers => Stage == StandardStage.Verification
        ? (CaseActionKind.VerifyTrue, CaseActionKind.VerifyFalse)
        : (CaseActionKind.CheckPass, CaseActionKind.CheckFail);
}

/// <summary>
/// 我的任务 for the supervisor's phone: the open 核实/核查 tasks this user may act on (the same rule as the
/// action service: role, assignee — the grid's responsible supervisor — claim and data scope), nearest first
/// when the device's position is known, otherwise by deadline.
/// </summary>
public sealed class FieldTaskQueries(IDbContextFactory<CityDbContext> factory)
{
    public const int MaxRows = 200;

    private static readonly StandardStage?[] FieldStages = [StandardStage.Verification, StandardStage.Check];

    public async Task<IReadOnlyList<FieldTaskRow>> MineAsync(StaffContext who, GeoPoint? here, CancellationToken ct = default)
    {
        if (!who.IsInRole(StaffRole.Supervisor))
        {
            return [];
        }

        await using var db = factory.CreateDbContext();
        var rows = await Query(db, who, null).Take(MaxRows).ToListAsync(ct);
        var withDistance = rows.Select(r => r with { DistanceMetres = here is { } p ? GeoMetrics.DistanceMetres(p, r.Position) : null });

        // Sorting by distance happens here: the deadline order above keeps ties (and the no-position case) by deadline.
        return here is null ? [.. withDistance] : [.. withDistance.OrderBy(r => r.DistanceMetres)];
    }

    /// <summary>One of the user's open field tasks, or null when it is not (or no longer) theirs.</summary>
    public async Task<FieldTaskRow?> GetAsync(StaffContext who, Guid taskId, GeoPoint? here = null, CancellationToken ct = default)
    {
        if (!who.IsInRole(StaffRole.Supervisor))
        {
            return null;
        }

        await using var db = factory.CreateDbContext();
        var row = await Query(db, who, taskId).FirstOrDefaultAsync(ct);
        return row is null || here is not { } p ? row : row with { DistanceMetres = GeoMetrics.DistanceMetres(p, row.Position) };
    }

    /// <summary>Ordered by deadline (none last), then by when the task opened.</summary>
    private static IQueryable<FieldTaskRow> Query(CityDbContext db, StaffContext who, Guid? taskId) =>
        from t in db.WorkflowTasks.AsNoTracking().ActionableBy(who)
        where FieldStages.Contains(t.Stage) && (taskId == null || t.Id == taskId)
        join c in db.Cases.AsNoTracking().VisibleTo(who.Scope) on t.CaseId equals c.Id
        join cat in db.Categories on c.CategoryId equals cat.Id
        orderby t.DueAt == null, t.DueAt, t.OpenedAt
        select new FieldTaskRow(
            t.Id, c.Id, c.Number.Value, c.Version, t.Stage!.Value, cat.Name, c.Address, c.Description,
            new GeoPoint(c.Longitude, c.Latitude), t.OpenedAt, t.DueAt, null);
}

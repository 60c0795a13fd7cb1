using CityMgmt.Domain.Common;
using CityMgmt.Domain.Components;
using CityMgmt.Domain.Geocoding;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Audit;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityMgmt.Infrastructure.Geo.Import.Census;

/// <summary>A field check's finding (普查): the state seen on site, the day, and what was noted.</summary>
public sealed record CensusUpdate(Guid ComponentId, ComponentState State, DateOnly CheckedOn, string? Note, int ExpectedVersion);

public static class CensusErrors
{
    public static readonly Error NotFound = new("Census.NotFound", "部件不存在或已被删除");
    public static readonly Error Unchanged = new("Census.Unchanged", "部件状态未变化，无需更新");
    public static readonly Error Conflict = new("Census.Conflict", "该部件已被他人修改，请刷新后重试");
    public static readonly Error NoteTooLong = new("Census.NoteTooLong", "普查说明不超过500字");

    public static Error FutureDate(DateOnly day) => new("Census.Future", $"普查日期 {day:yyyy-MM-dd} 晚于今天");

    public static Error BeforeInitial(DateOnly day, DateOnly initial) =>
        new("Census.BeforeInitial", $"普查日期 {day:yyyy-MM-dd} 早于部件的初始日期 {initial:yyyy-MM-dd}");
}

/// <summary>
/// Census (普查) status updates and the component history. A state change from a field check moves CHDate,
/// appends a <see cref="ComponentChange"/> (source Census) and an admin audit line, all in one save.
/// </summary>
public sealed class ComponentCensusService(IDbContextFactory<CityDbContext> factory, AuditLog audit, TimeProvider clock, IServiceProvider services)
{
    public static readonly string[] Roles = [StaffRole.Admin, StaffRole.Supervisor];

    public async Task<Result> UpdateStateAsync(StaffContext actor, CensusUpdate update, CancellationToken ct = default)
    {
        var allowed = actor.Require(Roles);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        var now = clock.GetUtcNow();
        var note = string.IsNullOrWhiteSpace(update.Note) ? null : update.Note.Trim();
        if (note?.Length > ComponentChange.ValueMaxLength)
        {
            return CensusErrors.NoteTooLong;
        }

        if (update.CheckedOn > ChinaDay.Today(now))
        {
            return CensusErrors.FutureDate(update.CheckedOn);
        }

        await using var db = factory.CreateDbContext();
        var component = await db.Components.FirstOrDefaultAsync(c => c.Id == update.ComponentId, ct);
        if (component is null)
        {
            return CensusErrors.NotFound;
        }

        if (component.Version != update.ExpectedVersion)
        {
            return CensusErrors.Conflict;
        }

        if (component.State == update.State)
        {
            return CensusErrors.Unchanged;
        }

        if (update.CheckedOn < component.InitialDate)
        {
            return CensusErrors.BeforeInitial(update.CheckedOn, component.InitialDate);
        }

        var before = component.State;
        component.ChangeState(update.State, update.CheckedOn);
        db.ComponentChanges.Add(new ComponentChange(component.Id, now, update.CheckedOn, ComponentChangeKind.StateChanged, ComponentChangeSource.Census,
            actor.DisplayName, before.DisplayName(), update.State.DisplayName(), note));
        audit.Admin(db, actor, "部件普查", component.Code.Value, $"{before.DisplayName()} → {update.State.DisplayName()}（{update.CheckedOn:yyyy-MM-dd}）{note}");
        var saved = await db.TrySaveAsync(CensusErrors.Conflict, ct: ct);
        if (saved.IsSuccess)
        {
            services.GetService<IGeocoder>()?.Invalidate();
        }

        return saved;
    }

    /// <summary>The component's attributes with names resolved, or null.</summary>
    public async Task<ComponentFacts?> DetailAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var row = await (from c in db.Components.AsNoTracking()
                         join cat in db.Categories on c.CategoryId equals cat.Id
                         join d in db.OrgUnits on c.OwnerDepartmentId equals d.Id
                         where c.Id == id
                         select new { Component = c, cat.MajorCode, cat.MinorCode, CategoryName = cat.Name, Department = d.Name }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var grid = row.Component.GridId is { } gridId ? await db.Grids.Where(g => g.Id == gridId).Select(g => (Domain.Grids.GridCode?)g.Code).FirstOrDefaultAsync(ct) : null;
        var item = row.Component;
        var centre = item.Shape is NetTopologySuite.Geometries.Point p ? p : item.Shape?.InteriorPoint;
        return new ComponentFacts(item.Id, item.Code.Value, item.Name, row.MajorCode + row.MinorCode, row.CategoryName, row.Department, item.OwnershipUnit,
            item.MaintenanceUnit, grid?.Value, item.State, item.InitialDate, item.ChangeDate, item.DataSource, item.Note, item.Shape?.GeometryType ?? string.Empty,
            centre?.X, centre?.Y, item.Version);
    }

    public async Task<Guid?> FindByCodeAsync(string code, CancellationToken ct = default)
    {
        var text = code.Trim();
        var parsed = ComponentCode.Parse(text, text.Length == 17 ? ComponentCodeScheme.Gbt47678 : ComponentCodeScheme.Standard16);
        if (parsed.IsFailure)
        {
            return null;
        }

        await using var db = factory.CreateDbContext();
        var value = parsed.Value;
        return await db.Components.Where(c => c.Code == value).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Every recorded change of a component, newest first.</summary>
    public async Task<List<ComponentChange>> HistoryAsync(Guid componentId, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var rows = await db.ComponentChanges.AsNoTracking().Where(h => h.ComponentId == componentId).ToListAsync(ct);
        return rows.OrderByDescending(h => h.At).ThenByDescending(h => h.ChangeDate).ThenByDescending(h => h.Id).ToList();
    }
}

public sealed record ComponentFacts(
    Guid Id, string Code, string Name, string CategoryCode, string CategoryName, string Department, string? OwnershipUnit, string? MaintenanceUnit,
    string? GridCode, ComponentState State, DateOnly InitialDate, DateOnly ChangeDate, string? DataSource, string? Note, string GeometryType,
    double? Longitude, double? Latitude, int Version);

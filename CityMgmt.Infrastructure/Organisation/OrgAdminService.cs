using CityMgmt.Domain.Common;
using CityMgmt.Domain.Divisions;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Audit;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Organisation;

/// <summary>What an administrator enters to create an org unit; the area only matters for a sub-centre.</summary>
public sealed record OrgUnitInput(string Code, string Name, string? ShortName, OrgUnitKind Kind, Guid? AreaDivisionId);

/// <summary>机构管理 for administrators: create, rename and deactivate the centre, sub-centres and departments.</summary>
public sealed class OrgAdminService(IDbContextFactory<CityDbContext> factory, AuditLog audit)
{
    public static readonly Error NotFound = new("Org.NotFound", "机构不存在");
    public static readonly Error AlreadyInactive = new("Org.AlreadyInactive", "该机构已停用");
    public static readonly Error AreaNotStreet = new("Org.AreaNotStreet", "所辖区域必须是一个街道/乡镇");
    public static readonly Error Conflict = new("Org.Concurrency", "该机构已被其他管理员修改，请刷新后重试");
    public static readonly Error DuplicateRace = new("Org.DuplicateRace", "机构编码已被占用，请刷新后换一个编码");

    public async Task<Result> CreateAsync(StaffContext actor, OrgUnitInput input, CancellationToken ct = default)
    {
        var allowed = actor.Require(StaffRole.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        if (!Enum.IsDefined(input.Kind))
        {
            return new Error("Org.UnknownKind", "未知的机构类型");
        }

        var areaId = input.Kind == OrgUnitKind.SubCentre ? input.AreaDivisionId : null;
        var created = OrgUnit.Create(input.Code, input.Name, input.Kind, areaId, input.ShortName);
        if (created.IsFailure)
        {
            return created.Error;
        }

        var unit = created.Value;
        await using var db = factory.CreateDbContext();

        // Codes differing only in case read as the same unit to people, so they count as duplicates.
        // A county has tens of units: comparing in memory keeps this provider-neutral.
        var codes = await db.OrgUnits.Select(o => o.Code).ToListAsync(ct);
        if (codes.Any(c => string.Equals(c, unit.Code, StringComparison.OrdinalIgnoreCase)))
        {
            return new Error("Org.DuplicateCode", $"机构编码“{unit.Code}”已存在");
        }

        var area = areaId is { } id ? await db.Divisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) : null;
        if (areaId is not null && area?.Level != DivisionLevel.Street)
        {
            return AreaNotStreet;
        }

        if (area is not null && await db.OrgUnits.FirstOrDefaultAsync(o => o.AreaDivisionId == area.Id && o.IsActive, ct) is { } existing)
        {
            return new Error("Org.AreaTaken", $"{area.Name}已有分中心“{existing.Name}”");
        }

        db.OrgUnits.Add(unit);
        audit.Admin(db, actor, "新建机构", $"{unit.Code} {unit.Name}",
            $"类型：{unit.Kind.DisplayName()}" + (area is null ? string.Empty : $"；辖区：{area.Name}"));
        return await db.TrySaveAsync(Conflict, DuplicateRace, ct);
    }

    public async Task<Result> RenameAsync(StaffContext actor, Guid orgUnitId, string name, CancellationToken ct = default)
    {
        var allowed = actor.Require(StaffRole.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        await using var db = factory.CreateDbContext();
        var unit = await db.OrgUnits.FirstOrDefaultAsync(o => o.Id == orgUnitId, ct);
        if (unit is null)
        {
            return NotFound;
        }

        var oldName = unit.Name;
        var renamed = unit.Rename(name);
        if (renamed.IsFailure)
        {
            return renamed;
        }

        audit.Admin(db, actor, "机构更名", unit.Code, $"{oldName} → {unit.Name}");
        return await db.TrySaveAsync(Conflict, DuplicateRace, ct);
    }

    public async Task<Result> DeactivateAsync(StaffContext actor, Guid orgUnitId, CancellationToken ct = default)
    {
        var allowed = actor.Require(StaffRole.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        await using var db = factory.CreateDbContext();
        var unit = await db.OrgUnits.FirstOrDefaultAsync(o => o.Id == orgUnitId, ct);
        if (unit is null)
        {
            return NotFound;
        }

        if (!unit.IsActive)
        {
            return AlreadyInactive;
        }

        unit.Deactivate();
        audit.Admin(db, actor, "停用机构", $"{unit.Code} {unit.Name}");
        return await db.TrySaveAsync(Conflict, DuplicateRace, ct);
    }
}

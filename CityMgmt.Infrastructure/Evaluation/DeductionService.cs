using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Divisions;
using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Audit;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Evaluation;

/// <summary>A township (街道/镇乡) or department that can be given a deduction.</summary>
public sealed record DeductionTarget(EvaluationObjectType Type, string Id, string Name);

/// <summary>What the user entered for a new deduction.</summary>
public sealed record DeductionInput(EvaluationObjectType TargetType, string TargetId, DateOnly Date, decimal Points, string Reason, string? CaseNumber = null);

/// <summary>One deduction as listed, with its revocation when withdrawn.</summary>
public sealed record DeductionListItem(
    Guid Id, EvaluationObjectType TargetType, string TargetId, string TargetName, DateOnly Date, decimal Points, string Reason,
    string RecordedBy, DateTimeOffset RecordedAt, Guid? CaseId, string? CaseNumber, string? RevokedBy, string? RevokeReason, DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>
/// 扣分 of townships and departments (the customer's "对处理问题不及时的部门、镇乡进行扣分，与年度、季度考核挂钩").
/// Recorded and revoked by centre 值班长, 领导 and administrators; append-only, every change audited.
/// </summary>
public sealed class DeductionService(IDbContextFactory<CityDbContext> factory, AuditLog audit, TimeProvider clock)
{
    public static readonly string[] RecordRoles = [StaffRole.ShiftLeader, StaffRole.Leader, StaffRole.Admin];

    /// <summary>Only the county centre assesses townships and departments; a sub-centre only reads its own.</summary>
    public static bool CanRecord(StaffContext who) => who.IsInAnyRole(RecordRoles) && who.Scope.Kind == DataScopeKind.All;

    public async Task<Result<IReadOnlyList<DeductionTarget>>> TargetsAsync(StaffContext who, CancellationToken ct = default)
    {
        if (!EvaluationAccess.CanView(who))
        {
            return StaffContext.Forbidden;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var allowed = await EvaluationAccess.RowFilterAsync(db, who, ct);
        return (await AllTargetsAsync(db, ct)).Where(t => allowed(t.Type, t.Id)).ToList();
    }

    public async Task<Result<Guid>> RecordAsync(StaffContext who, DeductionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!CanRecord(who))
        {
            return StaffContext.Forbidden;
        }

        if (input.Date > EvaluationPeriod.ChinaDate(clock.GetUtcNow()))
        {
            return EvaluationErrors.DeductionDateInFuture;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var target = (await AllTargetsAsync(db, ct)).FirstOrDefault(t => t.Type == input.TargetType && t.Id == input.TargetId);
        if (target is null)
        {
            return string.IsNullOrWhiteSpace(input.TargetId) ? EvaluationErrors.DeductionTargetRequired : EvaluationErrors.DeductionTargetNotFound;
        }

        (Guid, string)? linked = null;
        if (!string.IsNullOrWhiteSpace(input.CaseNumber))
        {
            var number = CaseNumber.Parse(input.CaseNumber.Trim());
            var caseId = number.IsFailure ? null : await db.Cases.AsNoTracking().Where(c => c.Number == number.Value).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
            if (caseId is null)
            {
                return EvaluationErrors.DeductionCaseNotFound;
            }

            linked = (caseId.Value, number.Value.Value);
        }

        var item = DeductionItem.Create(target.Id, target.Type, input.Reason, input.Points, input.Date, who.DisplayName, who.UserId, linked);
        if (item.IsFailure)
        {
            return item.Error;
        }

        db.EvaluationDeductions.Add(item.Value);
        audit.Admin(db, who, "扣分", target.Name, $"{input.Date:yyyy-MM-dd} 扣{item.Value.Points:0.##}分：{item.Value.Reason}" + (linked is { } c ? $"（案件{c.Item2}）" : string.Empty));
        await db.SaveChangesAsync(ct);
        return item.Value.Id;
    }

    public async Task<Result> RevokeAsync(StaffContext who, Guid deductionId, string reason, CancellationToken ct = default)
    {
        if (!CanRecord(who))
        {
            return StaffContext.Forbidden;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var item = await db.EvaluationDeductions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deductionId, ct);
        if (item is null)
        {
            return EvaluationErrors.DeductionNotFound;
        }

        if (await db.EvaluationDeductionRevocations.AnyAsync(r => r.DeductionId == deductionId, ct))
        {
            return EvaluationErrors.DeductionAlreadyRevoked;
        }

        var revocation = DeductionRevocation.Create(item, reason, who.DisplayName, who.UserId, clock.GetUtcNow());
        if (revocation.IsFailure)
        {
            return revocation.Error;
        }

        var name = (await AllTargetsAsync(db, ct)).FirstOrDefault(t => t.Id == item.TargetId)?.Name ?? item.TargetId;
        db.EvaluationDeductionRevocations.Add(revocation.Value);
        audit.Admin(db, who, "撤销扣分", name, $"{item.Date:yyyy-MM-dd} 扣{item.Points:0.##}分；撤销原因：{revocation.Value.Reason}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index: someone revoked it at the same moment.
            return EvaluationErrors.DeductionAlreadyRevoked;
        }

        return Result.Success();
    }

    /// <summary>The deductions dated in <paramref name="period"/> within <paramref name="who"/>'s data scope, newest first.</summary>
    public async Task<Result<IReadOnlyList<DeductionListItem>>> ListAsync(StaffContext who, EvaluationPeriod period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (!EvaluationAccess.CanView(who))
        {
            return StaffContext.Forbidden;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var allowed = await EvaluationAccess.RowFilterAsync(db, who, ct);
        var names = (await AllTargetsAsync(db, ct)).ToDictionary(t => t.Id, t => t.Name);
        var rows = await (from d in db.EvaluationDeductions.AsNoTracking()
                          where d.Date >= period.Start && d.Date <= period.End
                          join r in db.EvaluationDeductionRevocations.AsNoTracking() on d.Id equals r.DeductionId into revoked
                          from r in revoked.DefaultIfEmpty()
                          select new { d, r })
            .ToListAsync(ct);
        return rows.Where(x => allowed(x.d.TargetType, x.d.TargetId))
            .OrderByDescending(x => x.d.Date).ThenByDescending(x => x.d.CreatedAt)
            .Select(x => new DeductionListItem(
                x.d.Id, x.d.TargetType, x.d.TargetId, names.GetValueOrDefault(x.d.TargetId, x.d.TargetId), x.d.Date, x.d.Points, x.d.Reason,
                x.d.RecordedBy, x.d.CreatedAt, x.d.CaseId, x.d.CaseNumber, x.r?.RevokedBy, x.r?.Reason, x.r?.RevokedAt))
            .ToList();
    }

    /// <summary>The deductions in force (not revoked) of <paramref name="period"/>: their items and the revoked ids.</summary>
    internal static async Task<(List<DeductionItem> Items, HashSet<Guid> Revoked)> InForceAsync(CityDbContext db, EvaluationPeriod period, CancellationToken ct)
    {
        var items = await db.EvaluationDeductions.AsNoTracking().Where(d => d.Date >= period.Start && d.Date <= period.End).ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var revoked = await db.EvaluationDeductionRevocations.AsNoTracking().Where(r => ids.Contains(r.DeductionId)).Select(r => r.DeductionId).ToListAsync(ct);
        return (items, revoked.ToHashSet());
    }

    internal static async Task<List<DeductionTarget>> AllTargetsAsync(CityDbContext db, CancellationToken ct)
    {
        var streets = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Street)
            .OrderBy(d => d.Code).Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        var departments = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.Department && o.IsActive)
            .OrderBy(o => o.Code).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        return
        [
            .. streets.Select(s => new DeductionTarget(EvaluationObjectType.Street, s.Id.ToString(), s.Name)),
            .. departments.Select(d => new DeductionTarget(EvaluationObjectType.Department, d.Id.ToString(), d.Name)),
        ];
    }
}

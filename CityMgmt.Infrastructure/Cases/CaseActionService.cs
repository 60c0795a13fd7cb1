using System.Data.Common;
using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Workflows.Model;
using CityMgmt.Infrastructure.Calendar;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Cases;

/// <summary>
/// The case loop's role actions. Each checks role, data scope and the case's current state; a workflow
/// step completes the case's open task with its outcome (the runtime changes the case and writes its
/// history), a branch outside the workflow's steps changes the aggregate directly; either way one
/// transaction. A concurrent change by another user becomes a Chinese message naming the fresh state.
/// </summary>
public sealed partial class CaseActionService(
    IDbContextFactory<CityDbContext> factory,
    WorkflowRuntime runtime,
    CalendarProvider calendars,
    CaseChangeNotifier notifier,
    TimeProvider clock)
{
    public static readonly Error NewDeadlineRequired = new("Case.NewDeadlineRequired", "请填写延期后的处置期限");
    public static readonly Error DepartmentInvalid = new("Case.DepartmentInvalid", "请选择有效的处置部门");
    public static readonly Error ResumeDeadlineRequired = new("Case.ResumeDeadlineRequired", "挂账前已超过处置期限，请填写恢复后的处置期限");

    /// <summary>The actions this user may take on the case right now (for the case page's buttons).</summary>
    public async Task<IReadOnlyList<CaseActionSpec>> AvailableAsync(StaffContext who, Guid caseId, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var item = await db.Cases.AsNoTracking().VisibleTo(who.Scope).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (item is null)
        {
            return [];
        }

        var state = await LoadStateAsync(db, who, item, ct);
        return CaseActionCatalog.All.Where(s => who.IsInAnyRole([.. s.Roles]) && Check(item, s, state).IsSuccess).ToList();
    }

    /// <param name="expectedVersion">The case version the user's screen shows; a different one means someone else acted first.</param>
    public async Task<Result> RunAsync(StaffContext who, Guid caseId, CaseActionKind kind, CaseActionInput input, int? expectedVersion = null, CancellationToken ct = default)
    {
        var spec = CaseActionCatalog.Of(kind);
        if (!who.IsInAnyRole([.. spec.Roles]))
        {
            return StaffContext.Forbidden;
        }

        if (spec.ReasonRequired && string.IsNullOrWhiteSpace(input.Comment))
        {
            return CaseErrors.ReasonRequired;
        }

        if (input.Comment is { Length: > CaseHistoryEntry.CommentMaxLength - 20 })
        {
            return CaseErrors.CommentTooLong;
        }

        try
        {
            await using var db = factory.CreateDbContext();
            var done = await db.InTransactionAsync(token => RunOnceAsync(db, who, caseId, spec, input, expectedVersion, token), ct);
            if (done.IsFailure)
            {
                return done;
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or DbException)
        {
            // Another user's save won (version check) or holds the write lock: report what the case is now.
            return await ConflictAsync(caseId, ct);
        }

        notifier.Publish(caseId);
        if (kind == CaseActionKind.Merge && input.TargetCaseId is { } target)
        {
            notifier.Publish(target);
        }

        return Result.Success();
    }

    /// <summary>The action inside one transaction: read the case in the user's scope, check, apply, save.</summary>
    private async Task<Result> RunOnceAsync(
        CityDbContext db, StaffContext who, Guid caseId, CaseActionSpec spec, CaseActionInput input, int? expectedVersion, CancellationToken ct)
    {
        var item = await db.Cases.VisibleTo(who.Scope).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (item is null)
        {
            return CaseErrors.NotFound;
        }

        if (expectedVersion is { } version && version != item.Version)
        {
            return await ConflictAsync(caseId, ct);
        }

        var state = await LoadStateAsync(db, who, item, ct);
        var allowed = Check(item, spec, state);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        var applied = await ApplyAsync(db, who, item, spec, input, state, clock.GetUtcNow(), ct);
        if (applied.IsFailure)
        {
            return applied;
        }

        await db.SaveChangesAsync(ct);
        return Result.Success();
    }

    /// <summary>派遣 suggestion: the component's owner, else the class default department, else the department of the case's area.</summary>
    public async Task<DepartmentSuggestion?> SuggestDepartmentAsync(StaffContext who, Guid caseId, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var item = await db.Cases.AsNoTracking().VisibleTo(who.Scope).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (item is null)
        {
            return null;
        }

        if (item.ComponentId is { } componentId
            && await db.Components.Where(c => c.Id == componentId).Select(c => (Guid?)c.OwnerDepartmentId).FirstOrDefaultAsync(ct) is { } owner)
        {
            return await NameAsync(db, owner, "部件权属单位", ct);
        }

        if (await db.Categories.Where(c => c.Id == item.CategoryId).Select(c => c.DefaultDepartmentId).FirstOrDefaultAsync(ct) is { } byClass)
        {
            return await NameAsync(db, byClass, "类别默认处置部门", ct);
        }

        var byArea = await db.OrgUnits.Where(o => o.Kind == Domain.Organisation.OrgUnitKind.Department && o.IsActive && o.AreaDivisionId == item.StreetId)
            .Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        return byArea is { } area ? await NameAsync(db, area, "所在区域的处置部门", ct) : null;
    }

    private static async Task<DepartmentSuggestion?> NameAsync(CityDbContext db, Guid id, string why, CancellationToken ct) =>
        await db.OrgUnits.Where(o => o.Id == id && o.IsActive).Select(o => new DepartmentSuggestion(o.Id, o.Name, why)).FirstOrDefaultAsync(ct);

    private async Task<Error> ConflictAsync(Guid caseId, CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        var status = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Status).FirstAsync(ct);
        var last = await db.CaseHistory.AsNoTracking().Where(h => h.CaseId == caseId).OrderByDescending(h => h.Sequence).FirstAsync(ct);
        var at = TimeZoneInfo.ConvertTime(last.At, WorkingCalendar.ChinaTimeZone);
        return new Error(
            "Case.Conflict",
            $"该案件刚被{last.ActorName}办理（{last.Action.DisplayName()}，{at:MM-dd HH:mm}），当前状态为“{status.DisplayName()}”，已为您显示最新状态，请确认后再操作");
    }
}

/// <summary>The department a dispatcher is offered first, and why.</summary>
public sealed record DepartmentSuggestion(Guid Id, string Name, string Reason);

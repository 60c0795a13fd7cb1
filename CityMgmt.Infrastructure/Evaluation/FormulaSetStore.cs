using System.Text.Json;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Evaluation.Runs;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Audit;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Evaluation;

/// <summary>A published version of the formula set, as listed.</summary>
public sealed record FormulaVersionItem(string Name, int Version, string SavedBy, DateTimeOffset SavedAt);

/// <summary>What the editor opens: the draft (or, without one, a copy of the active set) and where it stands.</summary>
public sealed record FormulaDraftView(FormulaSet Set, bool HasDraft, int ActiveVersion, int BasedOnVersion, string? SavedBy, DateTimeOffset? SavedAt)
{
    /// <summary>Another version was published after the draft was started.</summary>
    public bool IsStale => HasDraft && BasedOnVersion != ActiveVersion;
}

/// <summary>
/// Saved formula sets. The last published version is the active one; before any it is the national default
/// (<see cref="DefaultFormulaSet"/>, version 1). Administrators edit a draft (saved only when valid), then publish it
/// as the next version; published versions never change (append-only table) and runs keep a copy of the one they used.
/// Every save, publication and discard is audited.
/// </summary>
public sealed class FormulaSetStore(IDbContextFactory<CityDbContext> factory, AuditLog audit, TimeProvider clock)
{
    public static readonly Error Invalid = new("Evaluation.FormulaSetInvalid", "评价方案有误，未保存");
    public static readonly Error NoDraft = new("Evaluation.NoDraft", "没有可发布的草稿，请先保存草稿");

    public async Task<CompiledFormulaSet> ActiveAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return CompiledFormulaSet.Create(await ActiveSetAsync(db, ct)).Value;
    }

    /// <summary>Validates <paramref name="edited"/> and publishes it as the next version at once; every problem is returned, nothing saved on any.</summary>
    public async Task<Result<IReadOnlyList<Error>>> SaveAsync(StaffContext actor, FormulaSet edited, CancellationToken ct = default)
    {
        if (!actor.IsInRole(StaffRole.Admin))
        {
            return StaffContext.Forbidden;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        return await PublishAsync(db, actor, edited, ct);
    }

    public async Task<Result<FormulaDraftView>> DraftAsync(StaffContext actor, CancellationToken ct = default)
    {
        if (!actor.IsInRole(StaffRole.Admin))
        {
            return StaffContext.Forbidden;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var active = await ActiveSetAsync(db, ct);
        var draft = await db.EvaluationFormulaDrafts.AsNoTracking().OrderByDescending(d => d.SavedAt).FirstOrDefaultAsync(ct);
        return draft is null
            ? new FormulaDraftView(active, false, active.Version, active.Version, null, null)
            : new FormulaDraftView(Read(draft.Json), true, active.Version, draft.BasedOnVersion, draft.SavedBy, draft.SavedAt);
    }

    /// <summary>Saves <paramref name="edited"/> as the draft when it validates; otherwise returns every problem and saves nothing.</summary>
    public async Task<Result<IReadOnlyList<Error>>> SaveDraftAsync(StaffContext actor, FormulaSet edited, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(edited);
        if (!actor.IsInRole(StaffRole.Admin))
        {
            return StaffContext.Forbidden;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var active = await ActiveSetAsync(db, ct);
        var next = edited with { Name = edited.Name?.Trim() ?? string.Empty, Version = active.Version + 1 };
        var errors = FormulaSetValidator.Validate(next);
        if (errors.Count > 0)
        {
            return Result.Success(errors);
        }

        var json = JsonSerializer.Serialize(next, EvaluationRunner.Json);
        var draft = await db.EvaluationFormulaDrafts.OrderByDescending(d => d.SavedAt).FirstOrDefaultAsync(ct);
        if (draft is null)
        {
            db.EvaluationFormulaDrafts.Add(new FormulaDraft(next.Name, json, active.Version, actor.DisplayName, clock.GetUtcNow()));
        }
        else
        {
            draft.Update(next.Name, json, draft.BasedOnVersion, actor.DisplayName, clock.GetUtcNow());
        }

        audit.Admin(db, actor, "保存评价方案草稿", next.Name, Describe(next));
        await db.SaveChangesAsync(ct);
        return Result.Success<IReadOnlyList<Error>>([]);
    }

    /// <summary>Publishes the saved draft as the next version (validated again) and removes the draft.</summary>
    public async Task<Result<IReadOnlyList<Error>>> PublishDraftAsync(StaffContext actor, CancellationToken ct = default)
    {
        if (!actor.IsInRole(StaffRole.Admin))
        {
            return StaffContext.Forbidden;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var draft = await db.EvaluationFormulaDrafts.OrderByDescending(d => d.SavedAt).FirstOrDefaultAsync(ct);
        if (draft is null)
        {
            return NoDraft;
        }

        db.EvaluationFormulaDrafts.Remove(draft);
        return await PublishAsync(db, actor, Read(draft.Json), ct);
    }

    public async Task<Result> DiscardDraftAsync(StaffContext actor, CancellationToken ct = default)
    {
        if (!actor.IsInRole(StaffRole.Admin))
        {
            return StaffContext.Forbidden;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var draft = await db.EvaluationFormulaDrafts.OrderByDescending(d => d.SavedAt).FirstOrDefaultAsync(ct);
        if (draft is null)
        {
            return NoDraft;
        }

        db.EvaluationFormulaDrafts.Remove(draft);
        audit.Admin(db, actor, "放弃评价方案草稿", draft.Name, $"草稿保存人：{draft.SavedBy}");
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }

    public async Task<Result<IReadOnlyList<FormulaVersionItem>>> VersionsAsync(StaffContext actor, CancellationToken ct = default)
    {
        if (!actor.IsInRole(StaffRole.Admin))
        {
            return StaffContext.Forbidden;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var saved = await db.EvaluationFormulaSets.AsNoTracking()
            .Select(s => new FormulaVersionItem(s.Name, s.Version, s.SavedBy, s.CreatedAt)).ToListAsync(ct);
        return saved.OrderByDescending(s => s.Version).ToList();
    }

    private async Task<Result<IReadOnlyList<Error>>> PublishAsync(CityDbContext db, StaffContext actor, FormulaSet edited, CancellationToken ct)
    {
        var latest = await db.EvaluationFormulaSets.MaxAsync(s => (int?)s.Version, ct) ?? DefaultFormulaSet.Create().Version;
        var next = edited with { Name = edited.Name?.Trim() ?? string.Empty, Version = latest + 1 };
        var errors = FormulaSetValidator.Validate(next);
        if (errors.Count > 0)
        {
            return Result.Success(errors);
        }

        var json = JsonSerializer.Serialize(next, EvaluationRunner.Json);
        db.EvaluationFormulaSets.Add(new SavedFormulaSet(next, json, actor.DisplayName));
        audit.Admin(db, actor, "发布评价方案", $"{next.Name} 第{next.Version}版", Describe(next));
        await db.SaveChangesAsync(ct);
        return Result.Success<IReadOnlyList<Error>>([]);
    }

    private static async Task<FormulaSet> ActiveSetAsync(CityDbContext db, CancellationToken ct)
    {
        var json = await db.EvaluationFormulaSets.AsNoTracking().OrderByDescending(s => s.Version).Select(s => s.Json).FirstOrDefaultAsync(ct);
        return json is null ? DefaultFormulaSet.Create() : Read(json);
    }

    private static FormulaSet Read(string json) => JsonSerializer.Deserialize<FormulaSet>(json, EvaluationRunner.Json)!;

    private static string Describe(FormulaSet set) =>
        $"{set.Objects.Count} 类对象；无数据指标：{set.EmptyPolicy.DisplayName()}；"
        + string.Join("；", set.Objects.Select(o => $"{o.ObjectType.DisplayName()}：" + string.Join("、", o.Indicators.Select(i => $"{i.Name}{i.Weight:0.##}%"))));
}

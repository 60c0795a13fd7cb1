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

/// <summary>
/// Saved formula sets. The last saved version is the active one; before any save it is the national default
/// (<see cref="DefaultFormulaSet"/>, version 1). Saving validates everything first, writes a new version and audits it.
/// </summary>
public sealed class FormulaSetStore(IDbContextFactory<CityDbContext> factory, AuditLog audit)
{
    public static readonly Error Invalid = new("Evaluation.FormulaSetInvalid", "评价方案有误，未保存");

    public async Task<CompiledFormulaSet> ActiveAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var json = await db.EvaluationFormulaSets.AsNoTracking().OrderByDescending(s => s.Version).Select(s => s.Json).FirstOrDefaultAsync(ct);
        var set = json is null ? DefaultFormulaSet.Create() : JsonSerializer.Deserialize<FormulaSet>(json, EvaluationRunner.Json)!;
        return CompiledFormulaSet.Create(set).Value;
    }

    /// <summary>Validates <paramref name="edited"/> and saves it as the next version; every problem is returned, nothing saved on any.</summary>
    public async Task<Result<IReadOnlyList<Error>>> SaveAsync(StaffContext actor, FormulaSet edited, CancellationToken ct = default)
    {
        if (!actor.IsInRole(StaffRole.Admin))
        {
            return StaffContext.Forbidden;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var latest = await db.EvaluationFormulaSets.MaxAsync(s => (int?)s.Version, ct) ?? DefaultFormulaSet.Create().Version;
        var next = edited with { Name = edited.Name?.Trim() ?? string.Empty, Version = latest + 1 };
        var errors = FormulaSetValidator.Validate(next);
        if (errors.Count > 0)
        {
            return Result.Success(errors);
        }

        var json = JsonSerializer.Serialize(next, EvaluationRunner.Json);
        db.EvaluationFormulaSets.Add(new SavedFormulaSet(next, json, actor.DisplayName));
        audit.Admin(db, actor, "保存评价方案", $"{next.Name} 第{next.Version}版", $"{next.Objects.Count} 类对象");
        await db.SaveChangesAsync(ct);
        return Result.Success<IReadOnlyList<Error>>([]);
    }
}

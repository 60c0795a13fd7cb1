using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Audit;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Organisation;

/// <summary>Administrators edit minor-class rules and add local extension classes (扩展部件/扩展事件).</summary>
public sealed class CategoryAdminService(IDbContextFactory<CityDbContext> factory, AuditLog audit)
{
    private static readonly Error Conflict = new("Category.Concurrency", "该类别已被其他管理员修改，请刷新后重试");

    public async Task<Result> UpdateRulesAsync(StaffContext actor, Guid categoryId, MinorClassRules rules, CancellationToken ct = default)
    {
        var allowed = actor.Require(StaffRole.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        await using var db = factory.CreateDbContext();
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == categoryId, ct);
        if (category is null)
        {
            return new Error("Category.NotFound", "类别不存在");
        }

        var applied = category.ApplyRules(rules);
        if (applied.IsFailure)
        {
            return applied;
        }

        audit.Admin(db, actor, "修改类别规则", $"{category.Kind.DisplayName()} {category.FullCode} {category.Name}",
            $"处置时限：{rules.DisposalLimit}；立案条件：{rules.FilingCondition}；结案条件：{rules.ClosingCondition}");
        return await db.TrySaveAsync(Conflict, CategoryErrors.Duplicate, ct);
    }

    /// <summary>Adds an extension minor class under an existing major class; the code must be free.</summary>
    public async Task<Result> AddExtensionAsync(StaffContext actor, Guid majorId, string code, string name, MinorClassRules rules, CancellationToken ct = default)
    {
        var allowed = actor.Require(StaffRole.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        await using var db = factory.CreateDbContext();
        var major = await db.Categories.FirstOrDefaultAsync(c => c.Id == majorId && c.MinorCode == null, ct);
        if (major is null)
        {
            return CategoryErrors.ParentNotMajor;
        }

        var created = Category.CreateMinor(major, code, name, rules, isExtension: true);
        if (created.IsFailure)
        {
            return created.Error;
        }

        var minor = created.Value;
        if (await db.Categories.AnyAsync(c => c.Kind == minor.Kind && c.MajorCode == minor.MajorCode && c.MinorCode == minor.MinorCode, ct))
        {
            return CategoryErrors.Duplicate;
        }

        db.Categories.Add(minor);
        audit.Admin(db, actor, "新增扩展类别", $"{minor.Kind.DisplayName()} {minor.FullCode} {minor.Name}", $"处置时限：{rules.DisposalLimit}");
        return await db.TrySaveAsync(Conflict, CategoryErrors.Duplicate, ct);
    }
}

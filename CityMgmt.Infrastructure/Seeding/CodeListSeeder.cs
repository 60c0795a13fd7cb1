using System.Text.Json;
using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Categories;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CityMgmt.Infrastructure.Seeding;

/// <summary>
/// Seeds the standard category tree from database/seed/categories.json (embedded). Idempotent:
/// only classes missing by (kind, major, minor) are added; admins' edits are never overwritten.
/// </summary>
public sealed class CodeListSeeder(IDbContextFactory<CityDbContext> factory, ILogger<CodeListSeeder> logger)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static CategoryFile LoadStandardCategories()
    {
        using var stream = typeof(CodeListSeeder).Assembly.GetManifestResourceStream("CityMgmt.Infrastructure.Seeding.Data.categories.json")
            ?? throw new InvalidOperationException("Embedded resource categories.json is missing.");
        return JsonSerializer.Deserialize<CategoryFile>(stream, Json) ?? throw new InvalidOperationException("categories.json is empty.");
    }

    /// <param name="departmentsByCode">Demo departments by code, to set default departments; null in production.</param>
    public async Task<int> SeedAsync(IReadOnlyDictionary<string, Guid>? departmentsByCode, CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        return await SeedAsync(db, departmentsByCode, ct);
    }

    /// <summary>Seeds inside the caller's context (and transaction, if one is open).</summary>
    public async Task<int> SeedAsync(CityDbContext db, IReadOnlyDictionary<string, Guid>? departmentsByCode, CancellationToken ct)
    {
        var file = LoadStandardCategories();
        var existing = await db.Categories.ToDictionaryAsync(c => (c.Kind, c.MajorCode, c.MinorCode), ct);
        var added = 0;
        foreach (var (kind, majors) in new[] { (CategoryKind.Component, file.Component), (CategoryKind.Event, file.Event) })
        {
            foreach (var major in majors)
            {
                if (!existing.TryGetValue((kind, major.Code, null), out var majorEntity))
                {
                    majorEntity = Category.CreateMajor(kind, major.Code, major.Name).Value;
                    db.Categories.Add(majorEntity);
                    added++;
                }

                foreach (var minor in major.Minors)
                {
                    if (existing.ContainsKey((kind, major.Code, minor.Code)))
                    {
                        continue;
                    }

                    Guid? dept = minor.Dept is not null && departmentsByCode?.TryGetValue(minor.Dept, out var id) == true ? id : null;
                    var limit = TimeLimit.Create(minor.Limit.Value, Enum.Parse<TimeLimitUnit>(minor.Limit.Unit)).Value;
                    PositionAccuracy? accuracy = minor.Accuracy is null ? null : Enum.Parse<PositionAccuracy>(minor.Accuracy);
                    var rules = new MinorClassRules(minor.Filing, minor.Closing, limit, dept, accuracy);
                    db.Categories.Add(Category.CreateMinor(majorEntity, minor.Code, minor.Name, rules).Value);
                    added++;
                }
            }
        }

        await db.SaveChangesAsync(ct);
        if (added > 0)
        {
            logger.LogInformation("Seeded {Count} standard categories", added);
        }

        return added;
    }
}

public sealed record CategoryFile(int Version, List<MajorClassRow> Component, List<MajorClassRow> Event);

public sealed record MajorClassRow(string Code, string Name, List<MinorClassRow> Minors);

public sealed record MinorClassRow(
    string Code, string Name, string? Filing, string? Closing, LimitRow Limit, string? Dept, string? Accuracy, string? Geometry);

public sealed record LimitRow(decimal Value, string Unit);

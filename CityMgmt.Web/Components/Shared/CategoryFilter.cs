using CityMgmt.Domain.Categories;

namespace CityMgmt.Web.Components.Shared;

/// <summary>The searchable minor-class list of the report forms: active minors grouped under "部件 › 大类".</summary>
public static class CategoryFilter
{
    public static (List<Category> Minors, Dictionary<Guid, Category> Majors) Split(IEnumerable<Category> all)
    {
        var list = all.ToList();
        return (list.Where(c => c.IsMinor && c.IsActive).OrderBy(c => c.Kind).ThenBy(c => c.FullCode, StringComparer.Ordinal).ToList(),
            list.Where(c => !c.IsMinor).ToDictionary(c => c.Id));
    }

    /// <summary>Minors whose name, code or major class matches <paramref name="filter"/>, grouped by kind and major.</summary>
    public static IEnumerable<IGrouping<string, Category>> Group(IEnumerable<Category> minors, IReadOnlyDictionary<Guid, Category> majors, string? filter)
    {
        var text = filter?.Trim();
        return minors
            .Where(c => string.IsNullOrEmpty(text) || c.Name.Contains(text, StringComparison.Ordinal) || c.FullCode.StartsWith(text, StringComparison.Ordinal)
                || (MajorOf(c, majors) is { } major && major.Name.Contains(text, StringComparison.Ordinal)))
            .GroupBy(c => $"{c.Kind.DisplayName()} › {MajorOf(c, majors)?.Name ?? c.MajorCode}");
    }

    private static Category? MajorOf(Category minor, IReadOnlyDictionary<Guid, Category> majors) =>
        minor.ParentId is { } parent && majors.TryGetValue(parent, out var major) ? major : null;
}

using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Components;
using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Grids;
using CityMgmt.Infrastructure.Geo.Import.Reading;
using NetTopologySuite.Geometries;
using F = CityMgmt.Infrastructure.Geo.Import.ImportFields;

namespace CityMgmt.Infrastructure.Geo.Import.Validation;

/// <summary>
/// The attribute rules of a component row. A field missing from the file keeps the existing component's
/// value on update (and takes the default on create); a field present but wrong is an error.
/// </summary>
internal static class ComponentFieldRules
{
    private static readonly Dictionary<string, ComponentState> States = new(StringComparer.OrdinalIgnoreCase)
    {
        ["完好"] = ComponentState.Intact,
        ["破损"] = ComponentState.Damaged,
        ["丢失"] = ComponentState.Lost,
        ["废弃"] = ComponentState.Abandoned,
        ["移除"] = ComponentState.Removed,
        [nameof(ComponentState.Intact)] = ComponentState.Intact,
        [nameof(ComponentState.Damaged)] = ComponentState.Damaged,
        [nameof(ComponentState.Lost)] = ComponentState.Lost,
        [nameof(ComponentState.Abandoned)] = ComponentState.Abandoned,
        [nameof(ComponentState.Removed)] = ComponentState.Removed,
    };

    public static Category? Category(ImportRecord r, ComponentCode code, ImportContext context, List<ImportError> errors)
    {
        var (major, minor) = (code.MajorClass, code.MinorClass);
        if (!context.Data.ComponentClasses.TryGetValue((major, int.Parse(minor)), out var category))
        {
            errors.Add(r.Error(F.ObjId, $"标识码中的部件类别 {major}{minor}（第7-{6 + 2 + minor.Length}位）不存在，请先在“类别与时限”中添加", code.Value));
            return null;
        }

        if (!category.IsActive)
        {
            errors.Add(r.Error(F.ObjId, $"部件类别 {category.FullCode} {category.Name} 已停用", code.Value));
        }

        if (r.Text(F.ClassCode) is { } given && !SameClass(given, category))
        {
            errors.Add(r.Error(F.ClassCode, $"类别代码“{given}”与标识码中的类别 {category.FullCode}（{category.Name}）不一致", code.Value));
        }

        if (r.Text(F.ClassName) is { } name && name != category.Name)
        {
            errors.Add(r.Error(F.ClassName, $"小类名称“{name}”与标识码中的类别 {category.FullCode}（{category.Name}）不一致", code.Value));
        }

        return category;
    }

    public static Guid? Owner(ImportRecord r, Category? category, CityComponent? existing, ImportContext context, List<ImportError> errors, string code)
    {
        var (deptCode, deptName) = (r.Text(F.DeptCode1), r.Text(F.DeptName1));
        var byCode = deptCode is null ? null : context.Data.DepartmentsByCode.GetValueOrDefault(deptCode);
        var byName = deptName is null ? null : context.Data.DepartmentsByName[deptName].FirstOrDefault();
        if (deptCode is not null && byCode is null)
        {
            errors.Add(r.Error(F.DeptCode1, $"主管部门代码“{deptCode}”不存在（应为“机构管理”中专业部门的代码）", code));
            return null;
        }

        if (deptName is not null && byName is null && byCode is null)
        {
            errors.Add(r.Error(F.DeptName1, $"主管部门“{deptName}”不存在（应为“机构管理”中专业部门的名称或简称）", code));
            return null;
        }

        if (byCode is not null && byName is not null && byCode.Id != byName.Id)
        {
            errors.Add(r.Error(F.DeptName1, $"主管部门代码“{deptCode}”（{byCode.Name}）与名称“{deptName}”不一致", code));
            return null;
        }

        if ((byCode ?? byName) is { } unit)
        {
            return unit.IsActive ? unit.Id : Fail(r.Error(F.DeptName1, $"主管部门“{unit.Name}”已停用", code));
        }

        return existing?.OwnerDepartmentId ?? category?.DefaultDepartmentId
            ?? (category is null ? null : Fail(r.Error(F.DeptName1, "未填写主管部门（DeptCode1/DeptName1），且该部件小类没有默认主管部门", code)));

        Guid? Fail(ImportError error)
        {
            errors.Add(error);
            return null;
        }
    }

    /// <summary>BGID when given (it must exist and be where the component is), else the grid the position falls in.</summary>
    public static Guid? Grid(ImportRecord r, Geometry? shape, ImportContext context, List<ImportError> errors, string code)
    {
        if (r.Text(F.Bgid) is not { } text)
        {
            return shape is null ? null : context.Data.Locate(shape)?.Id;
        }

        var parsed = GridCode.Parse(text);
        if (parsed.IsFailure)
        {
            errors.Add(r.Error(F.Bgid, parsed.Error.Message, code));
            return null;
        }

        if (!context.Data.GridsByCode.TryGetValue(parsed.Value.Value, out var grid))
        {
            errors.Add(r.Error(F.Bgid, $"单元网格 {text} 不存在", code));
            return null;
        }

        if (shape is not null && !grid.Prepared.Covers(shape))
        {
            var metres = grid.Shape.Distance(shape) * GeoMetrics.MetresPerDegreeLatitude(shape.Centroid.Y);
            if (metres > context.Options.GridDistanceToleranceMetres)
            {
                errors.Add(r.Error(F.Bgid, $"部件位置在所填网格 {text} 之外约 {metres:F0} 米，请核对 BGID 或坐标", code));
                return null;
            }
        }

        return grid.Id;
    }

    public static ComponentState? State(ImportRecord r, CityComponent? existing, List<ImportError> errors, string code)
    {
        if (r.Text(F.ObjState) is not { } text)
        {
            return existing?.State ?? ComponentState.Intact;
        }

        if (States.TryGetValue(text, out var state))
        {
            return state;
        }

        errors.Add(r.Error(F.ObjState, $"部件状态“{text}”无效，应为完好、破损、丢失、废弃或移除", code));
        return null;
    }

    /// <summary>ORDate (initial) and CHDate (this change): not in the future, change not before initial.</summary>
    public static (DateOnly Initial, DateOnly Change)? Dates(ImportRecord r, CityComponent? existing, ImportContext context, List<ImportError> errors, string code)
    {
        var initial = FieldValues.Date(r.Values.GetValueOrDefault(F.OrDate), out var badInitial);
        var change = FieldValues.Date(r.Values.GetValueOrDefault(F.ChDate), out var badChange);
        var start = errors.Count;
        if (badInitial)
        {
            errors.Add(r.Error(F.OrDate, $"初始日期“{r.Text(F.OrDate)}”不是有效日期（应如 2024-05-01）", code));
        }

        if (badChange)
        {
            errors.Add(r.Error(F.ChDate, $"变更日期“{r.Text(F.ChDate)}”不是有效日期（应如 2024-05-01）", code));
        }

        var first = initial ?? existing?.InitialDate ?? context.Today;
        var changed = change ?? context.Today;
        if (first > context.Today)
        {
            errors.Add(r.Error(F.OrDate, $"初始日期 {first:yyyy-MM-dd} 晚于今天", code));
        }

        if (changed > context.Today)
        {
            errors.Add(r.Error(F.ChDate, $"变更日期 {changed:yyyy-MM-dd} 晚于今天", code));
        }
        else if (changed < first)
        {
            errors.Add(r.Error(F.ChDate, $"变更日期 {changed:yyyy-MM-dd} 早于初始日期 {first:yyyy-MM-dd}", code));
        }

        return errors.Count > start ? null : (first, changed);
    }

    /// <summary>A text field: the file's value when the column exists (blank clears it), else the existing value.</summary>
    public static string? Keep(ImportRecord r, string field, string? existing) => r.Has(field) ? r.Text(field) : existing;

    private static bool SameClass(string given, Category category)
    {
        var digits = new string(given.Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 3 && digits[..2] == category.MajorCode && int.TryParse(digits[2..], out var minor) && minor == int.Parse(category.MinorCode!);
    }
}

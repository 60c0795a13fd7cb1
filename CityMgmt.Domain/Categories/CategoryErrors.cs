using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Categories;

public static class CategoryErrors
{
    public static Error MajorCode(string code) =>
        new("Category.MajorCode", $"大类代码“{code}”必须是2位数字且不能为00");

    public static Error MinorCode(string code) =>
        new("Category.MinorCode", $"小类代码“{code}”必须是2位或3位数字且不能全为0");

    public static readonly Error InvalidName = new("Category.InvalidName", "类别名称不能为空且不超过30个字");
    public static readonly Error ParentNotMajor = new("Category.ParentNotMajor", "小类必须挂在同类型的大类之下");
    public static readonly Error ConditionTooLong = new("Category.ConditionTooLong", "立案条件和结案条件各不超过500个字");
    public static readonly Error MinorNeedsLimit = new("Category.MinorNeedsLimit", "小类必须设置处置时限");
    public static readonly Error Duplicate = new("Category.Duplicate", "同一大类下已存在相同代码的小类");
    public static readonly Error NotAMinor = new("Category.NotAMinor", "只能选择小类（具体的部件或事件类别）");
    public static readonly Error Inactive = new("Category.Inactive", "该类别已停用");
}

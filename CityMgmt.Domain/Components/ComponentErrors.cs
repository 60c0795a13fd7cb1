using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Components;

public static class ComponentErrors
{
    public static Error CodeShape(string value, int length) =>
        new("Component.CodeShape", $"部件标识码“{value}”必须是{length}位数字（实际{value.Length}位或含非数字字符）");

    public static Error ZeroClass(string value) =>
        new("Component.ZeroClass", $"部件标识码“{value}”的大类和小类代码不能为0");

    public static Error ZeroSequence(string value) =>
        new("Component.ZeroSequence", $"部件标识码“{value}”的流水号(末6位)不能为000000");

    public static Error SequenceRange(int sequence) =>
        new("Component.SequenceRange", $"部件流水号必须在1-999999之间（实际{sequence}）");

    public static Error MinorTooLong(string minor, ComponentCodeScheme scheme) =>
        new("Component.MinorTooLong", $"小类代码“{minor}”超出{(int)scheme}位编码方案的小类位数");

    public static readonly Error ClassMismatch = new("Component.ClassMismatch", "部件标识码中的大类/小类与所选部件类别不一致");
    public static readonly Error NotAComponentClass = new("Component.NotAComponentClass", "部件必须属于一个部件小类");
    public static readonly Error InvalidName = new("Component.InvalidName", "部件名称不能为空且不超过50个字");
    public static readonly Error NeedsOwner = new("Component.NeedsOwner", "部件必须指定主管部门");
}

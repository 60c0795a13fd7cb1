using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Grids;

public static class GridErrors
{
    public static Error CodeShape(string value) =>
        new("Grid.CodeShape", $"单元网格编码“{value}”必须是15位数字（实际{value.Length}位或含非数字字符）");

    public static Error ZeroDivision(string value) =>
        new("Grid.ZeroDivision", $"单元网格编码“{value}”的街道(7-9位)和社区(10-12位)代码不能为000");

    public static Error ZeroSequence(string value) =>
        new("Grid.ZeroSequence", $"单元网格编码“{value}”的顺序码(13-15位)不能为000");

    public static Error SequenceRange(int sequence) =>
        new("Grid.SequenceRange", $"单元网格顺序码必须在1-999之间（实际{sequence}）");

    public static readonly Error InvalidName = new("Grid.InvalidName", "网格名称不能为空且不超过50个字");
    public static readonly Error NotInCommunity = new("Grid.NotInCommunity", "单元网格编码与所属社区代码不一致");
    public static readonly Error EndBeforeStart = new("Grid.EndBeforeStart", "终止日期不能早于设立日期");
}

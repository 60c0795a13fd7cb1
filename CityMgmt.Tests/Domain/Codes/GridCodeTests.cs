using CityMgmt.Domain.Grids;

namespace CityMgmt.Tests.Domain.Codes;

public class GridCodeTests
{
    [Fact]
    public void Parse_ValidCode_ExposesItsParts()
    {
        var code = GridCode.Parse("519901002003017").Value;

        code.CountyCode.ShouldBe("519901");
        code.StreetCode.ShouldBe("519901002");
        code.CommunityCode.ShouldBe("519901002003");
        code.Sequence.ShouldBe(17);
    }

    [Theory]
    [InlineData("51990100200301", "必须是15位数字（实际14位")]
    [InlineData("5199010020030171", "必须是15位数字（实际16位")]
    [InlineData("51990100200301A", "含非数字字符")]
    [InlineData("", "必须是15位数字（实际0位")]
    [InlineData("519901000003017", "街道(7-9位)和社区(10-12位)代码不能为000")]
    [InlineData("519901002000017", "街道(7-9位)和社区(10-12位)代码不能为000")]
    [InlineData("519901002003000", "顺序码(13-15位)不能为000")]
    [InlineData("999901002003017", "省级代码“99”不存在")]
    [InlineData("519900002003017", "有效的县级行政区划代码")]
    public void Parse_MalformedCode_FailsWithChineseMessage(string input, string expected)
    {
        var result = GridCode.Parse(input);

        result.IsFailure.ShouldBeTrue();
        result.Error.Message.ShouldContain(expected);
    }

    [Fact]
    public void Parse_SurroundingSpaces_AreIgnored() =>
        GridCode.Parse(" 519901002003017 ").Value.Value.ShouldBe("519901002003017");

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void Create_SequenceOutOfRange_Fails(int sequence) =>
        GridCode.Create("519901002003", sequence).Error.Message.ShouldContain("1-999");

    [Fact]
    public void Create_PadsTheSequence() =>
        GridCode.Create("519901002003", 7).Value.Value.ShouldBe("519901002003007");
}

using CityMgmt.Domain.Components;

namespace CityMgmt.Tests.Domain.Codes;

public class ComponentCodeTests
{
    [Fact]
    public void Parse_StandardExample_ReadsClassAndSequence()
    {
        // domain.md §3: 3205080101000001 is a 上水井盖 (01 公用设施 / 01 上水井盖).
        var code = ComponentCode.Parse("3205080101000001", ComponentCodeScheme.Standard16).Value;

        code.CountyCode.ShouldBe("320508");
        code.MajorClass.ShouldBe("01");
        code.MinorClass.ShouldBe("01");
        code.Sequence.ShouldBe(1);
        code.IsOfClass("01", "01").ShouldBeTrue();
    }

    [Fact]
    public void Parse_Gbt47678Scheme_HasThreeDigitMinorClass()
    {
        var code = ComponentCode.Parse("32050801018000123", ComponentCodeScheme.Gbt47678).Value;

        code.MinorClass.ShouldBe("018");
        code.Sequence.ShouldBe(123);
        code.IsOfClass("01", "18").ShouldBeTrue();
    }

    [Theory]
    [InlineData("32050801010000010", ComponentCodeScheme.Standard16, "必须是16位数字（实际17位")]
    [InlineData("3205080101000001", ComponentCodeScheme.Gbt47678, "必须是17位数字（实际16位")]
    [InlineData("3205080001000001", ComponentCodeScheme.Standard16, "大类和小类代码不能为0")]
    [InlineData("3205080100000001", ComponentCodeScheme.Standard16, "大类和小类代码不能为0")]
    [InlineData("3205080101000000", ComponentCodeScheme.Standard16, "流水号(末6位)不能为000000")]
    [InlineData("32050801O1000001", ComponentCodeScheme.Standard16, "含非数字字符")]
    [InlineData("0005080101000001", ComponentCodeScheme.Standard16, "省级代码")]
    public void Parse_MalformedCode_FailsWithChineseMessage(string input, ComponentCodeScheme scheme, string expected) =>
        ComponentCode.Parse(input, scheme).Error.Message.ShouldContain(expected);

    [Fact]
    public void Create_SameClassInBothSchemes_DiffersOnlyInMinorWidth()
    {
        var sixteen = ComponentCode.Create("519901", "01", "02", 42, ComponentCodeScheme.Standard16).Value;
        var seventeen = ComponentCode.Create("519901", "01", "02", 42, ComponentCodeScheme.Gbt47678).Value;

        sixteen.Value.ShouldBe("5199010102000042");
        seventeen.Value.ShouldBe("51990101002000042");
    }

    [Fact]
    public void Create_ThreeDigitMinorInSixteenDigitScheme_Fails() =>
        ComponentCode.Create("519901", "01", "120", 1, ComponentCodeScheme.Standard16).Error.Code.ShouldBe("Component.MinorTooLong");
}

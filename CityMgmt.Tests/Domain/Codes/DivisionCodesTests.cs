using CityMgmt.Domain.Divisions;

namespace CityMgmt.Tests.Domain.Codes;

public class DivisionCodesTests
{
    [Fact]
    public void Create_CountyStreetCommunity_ChainsCodes()
    {
        var county = AdminDivision.Create("519901", "示范县", DivisionLevel.County, null).Value;
        var street = AdminDivision.Create("519901002", "城关街道", DivisionLevel.Street, county).Value;
        var community = AdminDivision.Create("519901002003", "桂花社区", DivisionLevel.Community, street).Value;

        community.ParentId.ShouldBe(street.Id);
        street.ParentId.ShouldBe(county.Id);
    }

    [Fact]
    public void Create_StreetCodeNotUnderCounty_Fails()
    {
        var county = AdminDivision.Create("519901", "示范县", DivisionLevel.County, null).Value;

        AdminDivision.Create("519902001", "外县街道", DivisionLevel.Street, county).Error.Message.ShouldBe("代码519902001不属于上级区划519901");
    }

    [Theory]
    [InlineData("51990100", DivisionLevel.Street, "街道(乡镇)代码必须是9位数字")]
    [InlineData("5199010020031", DivisionLevel.Community, "社区(村)代码必须是12位数字")]
    [InlineData("519901000", DivisionLevel.Street, "末3位不能为000")]
    public void Validate_BadShape_FailsWithChineseMessage(string code, DivisionLevel level, string expected) =>
        DivisionCodes.Validate(code, level, null).Error.Message.ShouldContain(expected);

    [Fact]
    public void Create_CommunityDirectlyUnderCounty_Fails()
    {
        var county = AdminDivision.Create("519901", "示范县", DivisionLevel.County, null).Value;

        AdminDivision.Create("519901002003", "桂花社区", DivisionLevel.Community, county).Error.Code.ShouldBe("Division.WrongParent");
    }
}

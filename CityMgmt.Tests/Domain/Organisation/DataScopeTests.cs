using CityMgmt.Domain.Organisation;

namespace CityMgmt.Tests.Domain.Organisation;

public class DataScopeTests
{
    private static readonly Guid Street = Guid.NewGuid();
    private static readonly Guid OtherStreet = Guid.NewGuid();

    [Fact]
    public void For_Centre_SeesEverything() =>
        DataScope.For(OrgUnit.Create("CENTRE", "指挥中心", OrgUnitKind.Centre).Value).Allows(OtherStreet, null).ShouldBeTrue();

    [Fact]
    public void For_SubCentre_SeesOnlyItsStreet()
    {
        var scope = DataScope.For(OrgUnit.Create("FZX101", "青龙镇分中心", OrgUnitKind.SubCentre, Street).Value);

        scope.Allows(Street, null).ShouldBeTrue();
        scope.Allows(OtherStreet, null).ShouldBeFalse();
        scope.Allows(null, null).ShouldBeFalse();
    }

    [Fact]
    public void For_Department_SeesOnlyCasesDispatchedToIt()
    {
        var department = OrgUnit.Create("SZ", "市政所", OrgUnitKind.Department).Value;
        var scope = DataScope.For(department);

        scope.Allows(Street, department.Id).ShouldBeTrue();
        scope.Allows(Street, Guid.NewGuid()).ShouldBeFalse();
        scope.Allows(Street, null).ShouldBeFalse();
    }

    [Fact]
    public void For_InactiveUnitOrNone_SeesNothing()
    {
        var unit = OrgUnit.Create("CENTRE", "指挥中心", OrgUnitKind.Centre).Value;
        unit.Deactivate();

        DataScope.For(unit).Allows(Street, null).ShouldBeFalse();
        DataScope.For(null).Kind.ShouldBe(DataScopeKind.None);
    }

    [Fact]
    public void CreateSubCentre_WithoutArea_IsRefused() =>
        OrgUnit.Create("FZX101", "青龙镇分中心", OrgUnitKind.SubCentre).Error.Message.ShouldBe("镇乡分中心必须指定所辖街道/乡镇");

    [Theory]
    [InlineData("")]
    [InlineData("机构")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU")]
    public void Create_BadCode_IsRefused(string code) =>
        OrgUnit.Create(code, "名称", OrgUnitKind.Department).Error.Code.ShouldBe("Org.InvalidCode");
}

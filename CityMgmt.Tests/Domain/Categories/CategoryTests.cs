using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Categories;

namespace CityMgmt.Tests.Domain.Categories;

public class CategoryTests
{
    private static readonly Category Major = Category.CreateMajor(CategoryKind.Component, "01", "公用设施").Value;
    private static readonly MinorClassRules Rules = new("井盖丢失", "补齐", new TimeLimit(2, TimeLimitUnit.UrgentHours), null, PositionAccuracy.A);

    [Fact]
    public void CreateMinor_CarriesRulesAndFullCode()
    {
        var minor = Category.CreateMinor(Major, "02", "污水井盖", Rules).Value;

        minor.FullCode.ShouldBe("0102");
        minor.DisposalLimit.ShouldBe(new TimeLimit(2, TimeLimitUnit.UrgentHours));
        minor.Accuracy.ShouldBe(PositionAccuracy.A);
        minor.ParentId.ShouldBe(Major.Id);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0000")]
    [InlineData("00")]
    [InlineData("0a")]
    public void CreateMinor_BadCode_IsRefused(string code) =>
        Category.CreateMinor(Major, code, "x", Rules).Error.Message.ShouldContain("小类代码");

    [Theory]
    [InlineData("00")]
    [InlineData("1")]
    [InlineData("123")]
    public void CreateMajor_BadCode_IsRefused(string code) =>
        Category.CreateMajor(CategoryKind.Event, code, "x").Error.Message.ShouldContain("大类代码");

    [Fact]
    public void CreateMinor_WithoutLimit_IsRefused() =>
        Category.CreateMinor(Major, "02", "污水井盖", Rules with { DisposalLimit = null }).Error.Message.ShouldBe("小类必须设置处置时限");

    [Fact]
    public void ApplyRules_ConditionOver500Characters_IsRefusedAndKeepsOldRules()
    {
        var minor = Category.CreateMinor(Major, "02", "污水井盖", Rules).Value;

        minor.ApplyRules(Rules with { FilingCondition = new string('井', 501) }).Error.Code.ShouldBe("Category.ConditionTooLong");
        minor.FilingCondition.ShouldBe("井盖丢失");
    }

    [Fact]
    public void ApplyRules_ToEventClass_DropsPositionAccuracy()
    {
        var major = Category.CreateMajor(CategoryKind.Event, "05", "街面秩序").Value;

        Category.CreateMinor(major, "01", "无照经营游商", Rules).Value.Accuracy.ShouldBeNull();
    }
}

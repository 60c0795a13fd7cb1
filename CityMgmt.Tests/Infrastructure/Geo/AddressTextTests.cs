using CityMgmt.Infrastructure.Geo;

namespace CityMgmt.Tests.Infrastructure.Geo;

public class AddressTextTests
{
    [Theory]
    [InlineData("50", 50)]
    [InlineData("1.5", 1.5)]
    [InlineData("十", 10)]
    [InlineData("十五", 15)]
    [InlineData("三十", 30)]
    [InlineData("五十五", 55)]
    [InlineData("一百", 100)]
    [InlineData("两百", 200)]
    [InlineData("一百二", 120)]
    [InlineData("一百零五", 105)]
    [InlineData("三千二百", 3200)]
    public void TryParseNumber_AsciiOrChineseNumeral_ReturnsItsValue(string text, double expected)
    {
        AddressText.TryParseNumber(text, out var value).ShouldBeTrue();

        value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("十十")]
    [InlineData("米")]
    [InlineData("零")]
    public void TryParseNumber_NotANumber_ReturnsFalse(string text) =>
        AddressText.TryParseNumber(text, out _).ShouldBeFalse();

    [Fact]
    public void Normalise_FullWidthAndSpaces_BecomeCompactAscii() =>
        AddressText.Normalise(" 人民路　１２号 ＫＭ ").ShouldBe("人民路12号km");
}

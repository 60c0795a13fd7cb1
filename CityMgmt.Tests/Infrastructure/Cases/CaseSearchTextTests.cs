using CityMgmt.Infrastructure.Cases;

namespace CityMgmt.Tests.Infrastructure.Cases;

public class CaseSearchTextTests
{
    [Fact]
    public void Tokens_AreOverlappingPairsOfEachRun_SingleCharacterRunsKeptWhole()
    {
        CaseSearchText.Tokens("人民路88号", "井盖、A").ShouldBe("人民 民路 路8 88 8号 井盖 a");
    }

    [Theory]
    [InlineData("人民路", "\"人民 民路\"")]
    [InlineData(" 人民路 88号 ", "\"人民 民路\" AND \"88 8号\"")]
    [InlineData("井盖", "\"井盖\"")]
    [InlineData("巷", null)]
    [InlineData("人民 路", null)]
    [InlineData("\"；", null)]
    public void Match_IsOnePhrasePerRun_NullWhenARunIsOneCharacter(string text, string? expected)
    {
        CaseSearchText.Match(text).ShouldBe(expected);
    }
}

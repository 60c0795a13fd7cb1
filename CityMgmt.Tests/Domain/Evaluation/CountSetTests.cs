using CityMgmt.Domain.Evaluation;

namespace CityMgmt.Tests.Domain.Evaluation;

public class CountSetTests
{
    [Fact]
    public void Indexer_CountNeverSet_ReadsZero() => CountSet.Of((CountKey.Filed, 3))[CountKey.Closed].ShouldBe(0);

    [Fact]
    public void With_ExistingSet_ReturnsANewSetAndLeavesTheOldOne()
    {
        var before = CountSet.Of((CountKey.Filed, 3));

        var after = before.With(CountKey.Filed, 5).With(CountKey.Closed, 2);

        before[CountKey.Filed].ShouldBe(3);
        after[CountKey.Filed].ShouldBe(5);
        after[CountKey.Closed].ShouldBe(2);
    }

    [Fact]
    public void Of_NegativeCount_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => CountSet.Of((CountKey.Filed, -1)));

    [Fact]
    public void Of_SameCountTwice_Throws() =>
        Should.Throw<ArgumentException>(() => CountSet.Of((CountKey.Filed, 1), (CountKey.Filed, 2)));

    [Fact]
    public void Equals_ExplicitZeroAndMissing_AreEqual()
    {
        var a = CountSet.Of((CountKey.Filed, 3), (CountKey.Closed, 0));
        var b = CountSet.From(new Dictionary<CountKey, long> { [CountKey.Filed] = 3 });

        a.ShouldBe(b);
        a.GetHashCode().ShouldBe(b.GetHashCode());
        a.ShouldNotBe(b.With(CountKey.Closed, 1));
    }

    [Fact]
    public void ToString_ListsChineseNames() =>
        CountSet.Of((CountKey.Closed, 2), (CountKey.Filed, 3)).ToString().ShouldBe("立案数=3，结案数=2");

    [Theory]
    [InlineData("Filed", CountKey.Filed)]
    [InlineData("立案数", CountKey.Filed)]
    [InlineData("ClosedWithinDeadline", CountKey.ClosedWithinDeadline)]
    [InlineData("按期结案数", CountKey.ClosedWithinDeadline)]
    [InlineData("缓办数", CountKey.Deferred)]
    public void TryResolve_IdentifierOrChineseName_Finds(string name, CountKey expected)
    {
        CountKeys.TryResolve(name, out var key).ShouldBeTrue();
        key.ShouldBe(expected);
    }

    [Theory]
    [InlineData("filed")]
    [InlineData("7")]
    [InlineData("立案")]
    [InlineData("")]
    [InlineData(null)]
    public void TryResolve_AnythingElse_Refuses(string? name) => CountKeys.TryResolve(name, out _).ShouldBeFalse();

    [Fact]
    public void DisplayName_EveryCount_HasADistinctChineseName()
    {
        var names = CountKeys.All.Select(k => k.DisplayName()).ToList();

        names.ShouldAllBe(n => n.EndsWith('数'));
        names.Distinct().Count().ShouldBe(CountKeys.All.Count);
    }
}

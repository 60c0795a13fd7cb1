using CityMgmt.Domain.Evaluation;
using static CityMgmt.Tests.Domain.Evaluation.EvaluationFixtures;

namespace CityMgmt.Tests.Domain.Evaluation;

/// <summary>What an administrator's formula set must pass before it is saved.</summary>
public class FormulaValidationTests
{
    private const EvaluationObjectType Dept = EvaluationObjectType.Department;

    private static IReadOnlyList<string> Errors(FormulaSet set) => [.. FormulaSetValidator.Validate(set).Select(e => e.Message)];

    private static string OnlyError(params IndicatorDefinition[] indicators) =>
        Errors(DefaultWithIndicators(Dept, indicators)).ShouldHaveSingleItem();

    private static RateIndicator ClosingRate(decimal weight = 100, string numerator = "Closed", string denominator = "ClosuresDue") =>
        new("ClosingRate", "结案率", weight, numerator, denominator);

    [Fact]
    public void Validate_CustomFormulasUsingKnownNames_Passes()
    {
        var set = DefaultWith(Dept, o => o with
        {
            Indicators =
            [
                new RateIndicator("AccurateRate", "准确率", 40, "Filed - Cancelled", "[立案数]"),
                new FormulaIndicator("Speed", "处置速度", 60, "Round(Max(0, 100 - DisposedOverdue * 5), 0)"),
            ],
            CompositeFormula = "Min(AccurateRate, [处置速度]) * 0.5 + Speed * 0.5",
        });

        FormulaSetValidator.Validate(set).ShouldBeEmpty();
        CompiledFormulaSet.Create(set).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void Validate_UnknownIdentifier_NamesIt() =>
        OnlyError(ClosingRate(numerator: "Closed - Canceled")).ShouldBe(
            "“专业部门”指标“结案率”的分子公式引用了未知的名称“Canceled”，只能引用统计数（中文名称须写在方括号内，如[立案数]）");

    [Fact]
    public void Validate_UnknownChineseName_NamesIt() =>
        OnlyError(ClosingRate(denominator: "[应结数]")).ShouldContain("分母公式引用了未知的名称“应结数”");

    [Fact]
    public void Validate_SyntaxError_NamesTheFormulaAndWhere() =>
        OnlyError(ClosingRate(numerator: "Closed -")).ShouldBe("“专业部门”指标“结案率”的分子公式“Closed -”有语法错误（第8个字符附近）");

    [Fact]
    public void Validate_UnclosedParenthesis_IsASyntaxError() =>
        FormulaSetValidator.Validate(DefaultWithIndicators(Dept, ClosingRate(denominator: "(ClosuresDue - Deferred")))
            .ShouldHaveSingleItem().Code.ShouldBe("Evaluation.FormulaSyntax");

    [Fact]
    public void Validate_EmptyFormula_IsRequired() =>
        OnlyError(ClosingRate(denominator: " ")).ShouldBe("“专业部门”指标“结案率”的分母公式不能为空");

    [Fact]
    public void Validate_FunctionNotAllowed_ListsTheAllowedOnes() =>
        OnlyError(new FormulaIndicator("F", "自定义", 100, "Log10(Filed)")).ShouldBe(
            "“专业部门”指标“自定义”的公式使用了不支持的函数“Log10”，可用函数：Abs、Ceiling、Floor、Max、Min、Pow、Round、Sqrt、Truncate、if");

    [Fact]
    public void Validate_FormulaGivingABoolean_MustBeNumeric() =>
        OnlyError(new FormulaIndicator("F", "自定义", 100, "Filed > 3")).ShouldBe("“专业部门”指标“自定义”的公式“Filed > 3”的结果必须是数值");

    [Fact]
    public void Validate_WrongArgumentCount_CannotEvaluate() =>
        OnlyError(new FormulaIndicator("F", "自定义", 100, "Max(Filed)")).ShouldBe("“专业部门”指标“自定义”的公式“Max(Filed)”无法计算，请检查函数的参数个数和类型");

    [Fact]
    public void Validate_IndicatorNameInIndicatorFormula_IsNotACount() =>
        OnlyError(new FormulaIndicator("F", "自定义", 100, "ClosingRate * 2")).ShouldContain("未知的名称“ClosingRate”");

    [Fact]
    public void Validate_WeightsNotSummingToHundred_GivesTheSum() =>
        OnlyError(ClosingRate(60), new BandedIndicator("FiledCount", "立案数", 35.5m, CountKey.Filed, ScoreBands.FiledCases))
            .ShouldBe("“专业部门”的指标权重合计为95.5%，必须为100%");

    [Theory]
    [InlineData(-10)]
    [InlineData(110)]
    public void Validate_WeightOutOfRange_SaysSoOnce(double weight) =>
        OnlyError(ClosingRate((decimal)weight)).ShouldBe($"“专业部门”指标“结案率”的权重{weight}%必须在0%–100%之间");

    [Fact]
    public void Validate_UnknownNameInComposite_NamesIt()
    {
        var set = DefaultWith(Dept, o => o with { CompositeFormula = "ClosingRate * 0.5 + Foo" });

        Errors(set).ShouldHaveSingleItem().ShouldBe(
            "“专业部门”的综合指标公式引用了未知的名称“Foo”，只能引用本类对象的指标和统计数（中文名称须写在方括号内，如[立案数]）");
    }

    [Fact]
    public void Validate_CompositeUsingAnotherTypesIndicator_Fails() =>
        Errors(DefaultWith(Dept, o => o with { CompositeFormula = "ValidReportRate" })).ShouldHaveSingleItem().ShouldContain("“ValidReportRate”");

    [Theory]
    [InlineData("结案率")]
    [InlineData("1Rate")]
    [InlineData("Closing Rate")]
    [InlineData("")]
    public void Validate_KeyNotAnIdentifier_Fails(string key) =>
        OnlyError(ClosingRate() with { Key = key }).ShouldStartWith($"“专业部门”的指标标识“{key}”无效");

    [Theory]
    [InlineData("Filed")]
    [InlineData("closed")]
    [InlineData("Max")]
    [InlineData("and")]
    [InlineData("TRUE")]
    public void Validate_KeyClashingWithCountsFunctionsOrKeywords_Fails(string key) =>
        OnlyError(ClosingRate() with { Key = key }).ShouldBe($"“专业部门”的指标标识“{key}”与统计数、函数名或保留字重名，请换一个");

    [Fact]
    public void Validate_DuplicateKeyAndName_AreBothReported() =>
        Errors(DefaultWithIndicators(Dept, ClosingRate(50), ClosingRate(50))).ShouldBe(
        [
            "“专业部门”的指标标识“ClosingRate”重复",
            "“专业部门”的指标名称“结案率”重复",
        ]);

    [Theory]
    [InlineData("")]
    [InlineData("[结案率]")]
    [InlineData(" 结案率")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一")]
    public void Validate_BadIndicatorName_Fails(string name) =>
        OnlyError(ClosingRate() with { Name = name }).ShouldStartWith($"“专业部门”的指标名称“{name}”无效");

    [Fact]
    public void Validate_BandsWithGap_NamesIndicatorAndGroup()
    {
        var banded = new BandedIndicator("FiledCount", "立案数", 100, CountKey.Filed, ScoreBands.FiledCases,
            new Dictionary<string, IReadOnlyList<ScoreBand>> { ["镇乡"] = [new(0, 50, 100), new(60, null, 0)] });

        OnlyError(banded).ShouldBe("“专业部门”指标“立案数”（分组“镇乡”）的分段“0–50”与“≥60”之间不连续，缺少51–59");
    }

    [Fact]
    public void Validate_SetLevelProblems_AreAllReported()
    {
        var set = DefaultFormulaSet.Create() with { Name = " ", Version = 0, EmptyPolicy = (EmptyIndicatorPolicy)9 };

        Errors(set).ShouldBe(["评价方案名称不能为空，且不超过50个字", "评价方案版本号必须大于0", "未知的无数据指标处理方式"]);
    }

    [Fact]
    public void Validate_NoObjectTypes_Fails() =>
        Errors(DefaultFormulaSet.Create() with { Objects = [] }).ShouldBe(["评价方案至少需要配置一类评价对象"]);

    [Fact]
    public void Validate_SameObjectTypeTwice_Fails()
    {
        var set = DefaultFormulaSet.Create();

        Errors(set with { Objects = [.. set.Objects, set.For(Dept)!] }).ShouldBe(["评价对象“专业部门”重复配置"]);
    }

    [Fact]
    public void Validate_NoIndicators_Fails() => Errors(DefaultWithIndicators(Dept)).ShouldBe(["“专业部门”至少需要一个指标"]);

    [Fact]
    public void Validate_NegativeMinimumSample_Fails() =>
        Errors(DefaultWith(Dept, o => o with { MinimumSample = new(CountKey.ClosuresDue, -1) })).ShouldBe(["“专业部门”的最小样本数不能小于0"]);

    [Fact]
    public void Create_InvalidSet_FailsWithTheFirstProblem()
    {
        var result = CompiledFormulaSet.Create(DefaultWithIndicators(Dept, ClosingRate(90, numerator: "Closed +")));

        result.IsFailure.ShouldBeTrue();
        result.Error.Code.ShouldBe("Evaluation.FormulaSyntax");
    }
}

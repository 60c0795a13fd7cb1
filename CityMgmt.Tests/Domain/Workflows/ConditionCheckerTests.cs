using CityMgmt.Domain.Workflows.Conditions;
using CityMgmt.Domain.Workflows.Model;

namespace CityMgmt.Tests.Domain.Workflows;

public class ConditionCheckerTests
{
    private static readonly IReadOnlyList<string> Known = WorkflowVariables.Standard;

    [Theory]
    [InlineData("outcome == '回退'")]
    [InlineData("needsVerification")]
    [InlineData("not needsVerification && source == 'Citizen'")]
    [InlineData("categoryMajor in ('05', '04') or isUrgent")]
    [InlineData("in(categoryCode, '0501', '0502')")]
    [InlineData("if(isUrgent, true, categoryKind == 'Event')")]
    [InlineData("categoryCode like '05%'")]
    public void Check_ValidExpression_Succeeds(string expression) =>
        ConditionChecker.Check(expression, Known).IsSuccess.ShouldBeTrue();

    [Fact]
    public void Check_UnknownVariable_FailsNamingItAndTheKnownOnes()
    {
        var result = ConditionChecker.Check("priority > 2", ["outcome", "isUrgent"]);

        result.Error.Code.ShouldBe("Workflow.ConditionUnknownVariable");
        result.Error.Message.ShouldBe("条件中使用了未知变量“priority”，可用变量：isUrgent、outcome");
    }

    [Fact]
    public void Check_VariableInDifferentCase_IsUnknown() =>
        ConditionChecker.Check("Outcome == '回退'", Known).Error.Code.ShouldBe("Workflow.ConditionUnknownVariable");

    [Theory]
    [InlineData("Abs(1) > 0", "Abs")]
    [InlineData("Sqrt(4) == 2", "Sqrt")]
    [InlineData("ReadFile('x') == 1", "ReadFile")]
    public void Check_FunctionOutsideAllowList_Fails(string expression, string function) =>
        ConditionChecker.Check(expression, Known).Error.Message.ShouldBe($"条件中不允许调用函数“{function}”，只能使用 if 和 in");

    [Fact]
    public void Check_SyntaxError_FailsWithPosition() =>
        ConditionChecker.Check("(outcome == '回退'", Known).Error.Message.ShouldStartWith("条件表达式“(outcome == '回退'”有语法错误");

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void Check_Empty_Fails(string? expression) =>
        ConditionChecker.Check(expression, Known).Error.Message.ShouldBe("条件表达式不能为空");

    [Fact]
    public void Compile_Expression_ListsEachVariableOnce() =>
        ConditionChecker.Compile("outcome == 'a' || outcome == 'b' && isUrgent").Value.Variables.ShouldBe(["outcome", "isUrgent"]);

    [Fact]
    public void OutcomeReferences_FindsLabelsComparedWithOutcomeOnly()
    {
        var compiled = ConditionChecker.Compile("outcome == '回退' or '通过' == outcome or outcome in ('结案', '作废') or in(outcome, '同意') or source == 'Citizen' or outcome != '延期'").Value;

        OutcomeReferences.Find(compiled).ShouldBe(["回退", "通过", "结案", "作废", "同意", "延期"], ignoreOrder: true);
    }
}

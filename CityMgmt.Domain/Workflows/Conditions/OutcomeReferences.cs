using CityMgmt.Domain.Workflows.Model;
using NCalc;

namespace CityMgmt.Domain.Workflows.Conditions;

/// <summary>
/// Finds the outcome labels a condition compares <c>outcome</c> with (<c>outcome == '回退'</c>,
/// <c>outcome in ('通过', '结案')</c>), so the validator can warn about labels no task offers.
/// </summary>
internal static class OutcomeReferences
{
    public static IReadOnlyList<string> Find(CompiledCondition condition)
    {
        var found = new List<string>();
        Walk(condition.Parsed, found);
        return found;
    }

    private static void Walk(LogicalExpression expression, List<string> found)
    {
        switch (expression)
        {
            case BinaryExpression binary:
                if (binary.Type is BinaryExpressionType.Equal or BinaryExpressionType.NotEqual or BinaryExpressionType.In or BinaryExpressionType.NotIn)
                {
                    CollectIfOutcome(binary.LeftExpression, binary.RightExpression, found);
                    CollectIfOutcome(binary.RightExpression, binary.LeftExpression, found);
                }

                Walk(binary.LeftExpression, found);
                Walk(binary.RightExpression, found);
                break;
            case Function { Identifier.Name: "in" } function when function.Parameters.Count > 0:
                CollectIfOutcome(function.Parameters[0], new LogicalExpressionList([.. function.Parameters.AsSpan()[1..]]), found);
                WalkAll(function.Parameters, found);
                break;
            case Function function:
                WalkAll(function.Parameters, found);
                break;
            case UnaryExpression unary:
                Walk(unary.Expression, found);
                break;
            case TernaryExpression ternary:
                Walk(ternary.LeftExpression, found);
                Walk(ternary.MiddleExpression, found);
                Walk(ternary.RightExpression, found);
                break;
            case LogicalExpressionList list:
                WalkAll(list, found);
                break;
        }
    }

    private static void WalkAll(LogicalExpressionList list, List<string> found)
    {
        foreach (var item in list)
        {
            Walk(item, found);
        }
    }

    private static void CollectIfOutcome(LogicalExpression side, LogicalExpression other, List<string> found)
    {
        if (side is not Identifier { Name: WorkflowVariables.Outcome })
        {
            return;
        }

        IEnumerable<LogicalExpression> values = other is LogicalExpressionList list ? list : [other];
        found.AddRange(values.OfType<ValueExpression>().Select(v => v.Value).OfType<string>());
    }
}

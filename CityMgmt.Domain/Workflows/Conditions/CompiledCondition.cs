using System.Globalization;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Workflows.Model;
using NCalc;

namespace CityMgmt.Domain.Workflows.Conditions;

/// <summary>A parsed condition. The parse tree is shared between threads; each evaluation gets its own expression.</summary>
internal sealed class CompiledCondition(string text, LogicalExpression parsed, IReadOnlyList<string> variables)
{
    // Null parameters are allowed so an unset variable compares as "not equal" instead of failing;
    // ordinal comparison keeps '属实' and outcome labels exact.
    private static readonly ExpressionConfiguration Configuration = ExpressionConfiguration.FromOptions(
        ExpressionOptions.NoCache | ExpressionOptions.AllowNullParameter | ExpressionOptions.OrdinalStringComparer);

    public string Text { get; } = text;

    public LogicalExpression Parsed { get; } = parsed;

    /// <summary>The variable names the condition reads.</summary>
    public IReadOnlyList<string> Variables { get; } = variables;

    /// <summary>True or false; a null result (an unset variable on its own) counts as false.</summary>
    public Result<bool> Evaluate(IReadOnlyDictionary<string, object?> values, SequenceFlow flow)
    {
        var expression = new Expression(Parsed, Configuration, new ExpressionContext(), CultureInfo.InvariantCulture, null);
        foreach (var name in Variables)
        {
            expression.Parameters[name] = values.GetValueOrDefault(name);
        }

        object? result;
        try
        {
            result = expression.Evaluate();
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
        {
            // Type mismatches surface as format, cast or NCalc exceptions; all mean the same to the user.
            return WorkflowErrors.ConditionFailed(flow);
        }

        return result switch
        {
            bool value => value,
            null => false,
            _ => WorkflowErrors.ConditionNotBoolean(flow),
        };
    }
}

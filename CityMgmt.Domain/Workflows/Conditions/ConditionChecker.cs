using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using CityMgmt.Domain.Common;
using NCalc;
using NCalc.Exceptions;
using NCalc.Factories;
using NCalc.Visitors;

namespace CityMgmt.Domain.Workflows.Conditions;

/// <summary>
/// Checks and compiles the NCalc conditions of sequence flows. Only variables the caller names may appear, and
/// the only functions are <c>if</c> and <c>in</c>: a condition reads case fields, it never calls out.
/// </summary>
public static partial class ConditionChecker
{
    public static FrozenSet<string> AllowedFunctions { get; } = FrozenSet.ToFrozenSet(["if", "in"], StringComparer.Ordinal);

    /// <summary>The designer's syntax check: parses the expression and checks its variables and functions.</summary>
    public static Result Check(string? expression, IEnumerable<string> knownVariables)
    {
        var compiled = Compile(expression);
        if (compiled.IsFailure)
        {
            return compiled.Error;
        }

        var known = knownVariables as IReadOnlySet<string> ?? knownVariables.ToHashSet(StringComparer.Ordinal);
        var unknown = compiled.Value.Variables.FirstOrDefault(v => !known.Contains(v));
        return unknown is null ? Result.Success() : WorkflowErrors.ConditionUnknownVariable(unknown, known.Order(StringComparer.Ordinal));
    }

    /// <summary>Parses the expression once so the engine can evaluate it many times.</summary>
    internal static Result<CompiledCondition> Compile(string? expression)
    {
        var text = expression?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return WorkflowErrors.ConditionEmpty;
        }

        LogicalExpression parsed;
        try
        {
            parsed = LogicalExpressionFactory.Create(text, new LogicalExpressionParserOptions(), CultureInfo.InvariantCulture);
        }
        catch (NCalcException e)
        {
            return WorkflowErrors.ConditionSyntax(text, Position(e.Message));
        }

        var functions = parsed.Accept(new FunctionExtractionVisitor());
        var forbidden = functions.FirstOrDefault(f => !AllowedFunctions.Contains(f));
        if (forbidden is not null)
        {
            return WorkflowErrors.ConditionFunctionNotAllowed(forbidden);
        }

        var variables = parsed.Accept(new ParameterExtractionVisitor()).Distinct(StringComparer.Ordinal).ToArray();
        return new CompiledCondition(text, parsed, variables);
    }

    /// <summary>"第 1 行第 3 列" from the parser's "(1:3)", so the message points somewhere without quoting English.</summary>
    private static string? Position(string message)
    {
        var match = PositionPattern().Match(message);
        return match.Success ? $"第 {match.Groups[1].Value} 行第 {match.Groups[2].Value} 列" : null;
    }

    [GeneratedRegex(@"\((\d+):(\d+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex PositionPattern();
}

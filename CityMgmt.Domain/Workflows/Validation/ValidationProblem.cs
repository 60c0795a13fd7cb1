namespace CityMgmt.Domain.Workflows.Validation;

public enum ProblemSeverity
{
    /// <summary>The process cannot be published.</summary>
    Error,

    /// <summary>Probably a mistake, but the process can run.</summary>
    Warning,
}

/// <summary>
/// One thing wrong with a process: the element to highlight in the designer, its name, and a Chinese message.
/// <paramref name="Code"/> is a stable key (see <see cref="ProblemCodes"/>) for tests and the UI.
/// </summary>
public sealed record ValidationProblem(string ElementId, string ElementName, string Code, string Message, ProblemSeverity Severity = ProblemSeverity.Error);

/// <summary>Options of the validator: the names the host knows.</summary>
/// <param name="KnownActions">Service task actions the host implements.</param>
/// <param name="KnownVariables">Variables conditions may read.</param>
public sealed record ValidationOptions(IReadOnlySet<string> KnownActions, IReadOnlySet<string> KnownVariables)
{
    /// <summary>The built-in actions and the standard case variables.</summary>
    public static ValidationOptions Default { get; } = new(
        Model.BuiltInActions.All.ToHashSet(StringComparer.Ordinal),
        Model.WorkflowVariables.Standard.ToHashSet(StringComparer.Ordinal));

    /// <summary>The defaults plus extra variables, such as form fields the host puts into the instance.</summary>
    public static ValidationOptions WithVariables(IEnumerable<string> extra) =>
        Default with { KnownVariables = Default.KnownVariables.Concat(extra).ToHashSet(StringComparer.Ordinal) };
}

public static class ValidationProblemExtensions
{
    public static bool HasErrors(this IEnumerable<ValidationProblem> problems) =>
        problems.Any(p => p.Severity == ProblemSeverity.Error);
}

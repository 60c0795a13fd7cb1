namespace CityMgmt.Domain.Workflows.Validation;

/// <summary>Stable keys of the validation rules.</summary>
public static class ProblemCodes
{
    public const string Unsupported = "Unsupported";
    public const string StartCount = "StartCount";
    public const string DanglingFlow = "DanglingFlow";
    public const string FlowCount = "FlowCount";
    public const string Unreachable = "Unreachable";
    public const string NoEndReachable = "NoEndReachable";
    public const string LoopWithoutTask = "LoopWithoutTask";
    public const string JoinWithoutFork = "JoinWithoutFork";
    public const string MissingCondition = "MissingCondition";
    public const string BadDefault = "BadDefault";
    public const string ConditionNotAllowed = "ConditionNotAllowed";
    public const string BadCondition = "BadCondition";
    public const string UnknownOutcome = "UnknownOutcome";
    public const string NoPerformer = "NoPerformer";
    public const string UnknownRole = "UnknownRole";
    public const string UnknownAssignment = "UnknownAssignment";
    public const string BadLimit = "BadLimit";
    public const string UnknownStage = "UnknownStage";
    public const string BadOutcomes = "BadOutcomes";
    public const string UnknownAction = "UnknownAction";
    public const string BadAttachment = "BadAttachment";
    public const string BadTimer = "BadTimer";
}

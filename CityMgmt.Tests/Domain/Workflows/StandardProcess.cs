using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Workflows.Execution;
using CityMgmt.Domain.Workflows.Model;
using CityMgmt.Domain.Workflows.Parsing;

namespace CityMgmt.Tests.Domain.Workflows;

/// <summary>The seeded 数字城管标准流程 (database/seed/workflows/standard-v1.bpmn) and a case walking through it.</summary>
internal static class StandardProcess
{
    public const string RelativePath = "database/seed/workflows/standard-v1.bpmn";

    public static readonly Lazy<string> Xml = new(() => File.ReadAllText(Locate()));

    public static readonly Lazy<WorkflowEngine> Engine = new(() => new WorkflowEngine(BpmnParser.Parse(Xml.Value).Value));

    /// <summary>The repository file, found by walking up from the test binaries.</summary>
    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{RelativePath} not found above {AppContext.BaseDirectory}.");
    }
}

/// <summary>One case through the standard process; disposal uses a 4 工作时 category limit.</summary>
internal sealed class CaseWalk
{
    private readonly WorkflowEngine _engine = StandardProcess.Engine.Value;
    private EngineContext _context;

    /// <param name="source">The case source's name; by default a citizen's report or a supervisor's, as <paramref name="needsVerification"/> says.</param>
    public CaseWalk(bool needsVerification, DateTimeOffset? start = null, string? source = null)
    {
        _context = WorkflowKit.Context(start ?? WorkflowKit.Monday10, new TimeLimit(4, TimeLimitUnit.WorkingHours));
        Last = _engine.Start(
            WorkflowKit.Vars(
                (WorkflowVariables.Source, source ?? (needsVerification ? "Citizen" : "SupervisorReport")),
                (WorkflowVariables.NeedsVerification, needsVerification),
                (WorkflowVariables.CategoryKind, "Event"),
                (WorkflowVariables.CategoryMajor, "01"),
                (WorkflowVariables.CategoryCode, "0102"),
                (WorkflowVariables.IsUrgent, false)),
            _context).Ok();
    }

    public StepResult Last { get; private set; }

    public InstanceState State => Last.State;

    public StepResult Complete(string nodeId, string outcome, int minutesLater = 5)
    {
        _context = _context with { Now = _context.Now.AddMinutes(minutesLater) };
        return Last = _engine.CompleteTask(State, State.Task(nodeId).Id, outcome, null, _context).Ok();
    }

    /// <summary>Fires the timer of a boundary event at its due instant.</summary>
    public StepResult Fire(string boundaryId)
    {
        var timer = State.TimerOf(boundaryId);
        _context = _context with { Now = timer.DueAt };
        return Last = _engine.FireTimer(State, timer.Id, _context).Ok();
    }
}

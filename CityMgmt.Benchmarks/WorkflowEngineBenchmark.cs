using System.Globalization;
using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Workflows.Execution;
using CityMgmt.Domain.Workflows.Model;
using CityMgmt.Domain.Workflows.Parsing;

namespace CityMgmt.Benchmarks;

/// <summary>
/// Engine only, in memory: cases through the seven-step main path of the standard process (start, 受理, 立案,
/// 派遣, 处置, 核查, 结案), timers scheduled and cancelled on the way. A transition is one Start, CompleteTask
/// or FireTimer call. No persistence: the SQLite figure belongs to the host's benchmark.
/// </summary>
public sealed class WorkflowEngineBenchmark : IBenchmark
{
    private const string DefinitionPath = "database/seed/workflows/standard-v1.bpmn";
    private const int TransitionsPerCase = 7;

    private static readonly (string Node, string Outcome)[] MainPath =
    [
        ("Task_Accept", "受理"), ("Task_File", "立案"), ("Task_Dispatch", "派遣"),
        ("Task_Dispose", "处置完毕"), ("Task_Check", "通过"), ("Task_Close", "结案"),
    ];

    private static readonly TimeLimit CategoryLimit = new(4, TimeLimitUnit.WorkingHours);
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    public string Name => "workflow-engine";

    public string Description => "Workflow engine transitions per second on the standard process, in memory";

    public Task RunAsync(BenchmarkContext context)
    {
        var (warmUp, cases, rounds) = context.Quick ? (500, 5_000, 3) : (5_000, 50_000, 5);
        var process = BpmnParser.Parse(File.ReadAllText(FindDefinition())).Value;
        var engine = new WorkflowEngine(process);
        var calendar = WorkingCalendar.Default;

        RunCases(engine, calendar, warmUp);
        var rates = new List<double>();
        long allocated = 0;
        for (var round = 0; round < rounds; round++)
        {
            var (elapsed, bytes) = Measure.Run(() => RunCases(engine, calendar, cases));
            rates.Add(cases * TransitionsPerCase / elapsed.TotalSeconds);
            allocated = bytes;
        }

        var transitions = cases * TransitionsPerCase;
        context.Out.WriteLine($"  {cases:N0} cases × {TransitionsPerCase} transitions per round, {rounds} rounds after {warmUp:N0} warm-up cases");
        context.Out.WriteLine($"  transitions/s: median {Measure.Percentile(rates, 50):N0}, best {rates.Max():N0}, worst {rates.Min():N0}");
        context.Out.WriteLine($"  allocated: {allocated / (double)transitions / 1024:N1} KiB per transition (last round)");
        return Task.CompletedTask;
    }

    private static void RunCases(WorkflowEngine engine, WorkingCalendar calendar, int cases)
    {
        var variables = new Dictionary<string, object?>
        {
            [WorkflowVariables.Source] = "SupervisorReport",
            [WorkflowVariables.NeedsVerification] = false,
            [WorkflowVariables.CategoryKind] = "Event",
            [WorkflowVariables.CategoryMajor] = "01",
            [WorkflowVariables.CategoryCode] = "0102",
            [WorkflowVariables.IsUrgent] = false,
        };
        for (var i = 0; i < cases; i++)
        {
            var next = 0;
            var prefix = "c" + i.ToString(CultureInfo.InvariantCulture) + "-";
            var ctx = new EngineContext(Monday.AddMinutes(i % 600), calendar, () => prefix + (++next).ToString(CultureInfo.InvariantCulture))
            {
                CategoryLimit = CategoryLimit,
            };
            var state = Expect(engine.Start(variables, ctx)).State;
            foreach (var (node, outcome) in MainPath)
            {
                ctx = ctx with { Now = ctx.Now.AddMinutes(5) };
                var task = state.OpenTasks.First(t => t.NodeId == node);
                state = Expect(engine.CompleteTask(state, task.Id, outcome, null, ctx)).State;
            }

            if (!state.Completed)
            {
                throw new InvalidOperationException("A benchmark case did not complete.");
            }
        }
    }

    private static StepResult Expect(CityMgmt.Domain.Common.Result<StepResult> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error.Message);

    private static string FindDefinition()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DefinitionPath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"{DefinitionPath} not found; run from the repository.");
    }
}

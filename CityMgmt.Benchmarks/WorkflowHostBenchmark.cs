using System.Data.Common;
using System.Diagnostics;
using System.Runtime;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Geo;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Workflows;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CityMgmt.Benchmarks;

/// <summary>
/// Issue 3: seven-step cases (上报 starts the instance, then 受理, 立案, 派遣, 处置, 核查, 结案) through the real
/// host — CaseReportingService and TaskInbox.CompleteAsync, each a transaction with the case history, tasks and
/// timers — on a SQLite file. Every write the host sends is recorded; the baseline replays exactly those
/// statements with their parameters, one transaction per transition, on a copy of the database as it was before
/// the run (raw ADO.NET, prepared commands, no reads, no EF). Same rows, same transactions, same file format, same
/// connection settings (printed). A second, stricter replay begins and commits with prepared BEGIN IMMEDIATE/COMMIT
/// commands instead of Microsoft.Data.Sqlite's transaction, whose PRAGMA read_uncommitted makes SQLite prepare the
/// replay's commands again in every transaction. Warm-up lasts until tiered compilation has settled; host and
/// replays then alternate in rounds so that other load on a shared machine falls on all sides alike.
/// </summary>
public sealed class WorkflowHostBenchmark : IBenchmark
{
    private const int TransitionsPerCase = 7;
    private const int WarmUpBatch = 25;
    private const int MaxWarmUp = 1_000;
    private const int SettledJitMethods = 5;

    public string Name => "workflow-host";

    public string Description => "seven-step cases through the workflow host with SQLite persistence vs raw replay of the same writes";

    public async Task RunAsync(BenchmarkContext context)
    {
        // The writer's observer is process-wide: a later benchmark in the same run must not feed this recorder.
        var recorder = new WriteRecorder();
        StepRowWriter.Observer = recorder.Record;
        try
        {
            await MeasureAsync(context, recorder);
        }
        finally
        {
            StepRowWriter.Observer = null;
        }
    }

    private static async Task MeasureAsync(BenchmarkContext context, WriteRecorder recorder)
    {
        var output = context.Out;
        var (minWarmUp, cases) = context.Quick ? (20, 200) : (50, 1_500);
        await using var services = BenchHost.Build(context.WorkFolder, configure: s => RecordWrites(s, recorder));
        await using (var scope = services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<DatabaseMigrator>(scope.ServiceProvider).StartAsync(CancellationToken.None);
        }

        string hostSettings;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CityDbContext>();
            await db.Database.OpenConnectionAsync();
            hostSettings = await SettingsAsync(db.Database.GetDbConnection());
        }

        var actors = await ActorsAsync(services);
        var report = await ReportTemplateAsync(services);
        // Warm up until tiered compilation has settled: the host runs far more code than the raw replay, and a
        // background JIT still recompiling it would be measured as host time on a 2-core machine.
        var warmUp = 0;
        for (long compiled = -1; warmUp < MaxWarmUp && (warmUp < minWarmUp || JitInfo.GetCompiledMethodCount() - compiled > SettledJitMethods);)
        {
            compiled = JitInfo.GetCompiledMethodCount();
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            for (var i = 0; i < WarmUpBatch; i++, warmUp++)
            {
                await RunCaseAsync(services, actors, report, recorder, new Stopwatch(), new Stopwatch());
            }
        }

        // The baselines start from the database exactly as the measured host run finds it (a backup: the host's step
        // connection keeps it open, ADR 0018).
        var database = Path.Combine(context.WorkFolder, "citymgmt.db");
        var (baseline, nativeBaseline) = (Path.Combine(context.WorkFolder, "baseline.db"), Path.Combine(context.WorkFolder, "baseline-native.db"));
        SqliteFiles.Backup(database, baseline);
        SqliteFiles.Backup(database, nativeBaseline);
        recorder.Clear();

        // Host and raw replay alternate in rounds, so load from other processes on a shared machine falls on both.
        await using var raw = await RawReplay.OpenAsync(baseline, nativeTransactions: false);
        await using var native = await RawReplay.OpenAsync(nativeBaseline, nativeTransactions: true);
        var rounds = context.Quick ? 4 : 20;
        var (ratios, nativeRatios) = (new List<double>(rounds), new List<double>(rounds));
        var (watch, transactions, statements, reads, commandTime) = (new Stopwatch(), 0, 0, 0, TimeSpan.Zero);
        var reports = new Stopwatch();
        var (hostCpu, rawCpu) = (TimeSpan.Zero, TimeSpan.Zero);
        var step = services.GetRequiredService<ContextOptionsHolder>().StepConnection ?? throw new InvalidOperationException("SQLite has a step connection.");
        var reprepared = SqliteStatementCache.Reprepared(step.Connection);
        GC.Collect();
        var (gc0, gc1, gc2, pause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        for (var round = 0; round < rounds; round++)
        {
            var cpu = Cpu();
            var (hostBefore, rawBefore, nativeBefore) = (watch.Elapsed, raw.Elapsed, native.Elapsed);
            for (var i = round * cases / rounds; i < (round + 1) * cases / rounds; i++)
            {
                await RunCaseAsync(services, actors, report, recorder, watch, reports);
            }

            var units = recorder.Units;
            (transactions, statements, reads, commandTime) = (transactions + units.Count, statements + units.Sum(u => u.Count), reads + recorder.Reads, commandTime + recorder.CommandTime);
            recorder.Clear();
            hostCpu += Cpu() - cpu;
            cpu = Cpu();
            await raw.ReplayAsync(units);
            rawCpu += Cpu() - cpu;
            await native.ReplayAsync(units);

            // Same transitions on all sides of a round, so the ratio of the rates is the ratio of the times.
            ratios.Add((raw.Elapsed - rawBefore) / (watch.Elapsed - hostBefore));
            nativeRatios.Add((native.Elapsed - nativeBefore) / (watch.Elapsed - hostBefore));
        }

        ratios.Sort();
        nativeRatios.Sort();

        var hostRate = cases * TransitionsPerCase / watch.Elapsed.TotalSeconds;
        var rawRate = cases * TransitionsPerCase / raw.Elapsed.TotalSeconds;
        var nativeRate = cases * TransitionsPerCase / native.Elapsed.TotalSeconds;

        output.WriteLine($"  {cases:N0} cases × {TransitionsPerCase} transitions after {warmUp} warm-up cases (until a batch of {WarmUpBatch} compiled ≤ {SettledJitMethods} methods); {transactions:N0} transactions, {statements:N0} write statements ({statements / (double)transactions:F1} per transition); host and raw alternate in {rounds} rounds");
        output.WriteLine($"  host (the app's services: engine, runtime, SQLite; one transaction per transition): {hostRate:N0} transitions/s ({watch.Elapsed.TotalMilliseconds / (cases * TransitionsPerCase):F2} ms each)");
        output.WriteLine($"  host EF Core commands: {reads / (double)transactions:F1} reads per transition (mostly the untimed inbox lookups between steps; a step's own reads and writes are prepared statements, ADR 0017), {commandTime.TotalMilliseconds / transactions:F2} ms per transition inside them");
        output.WriteLine($"  raw replay of the same writes (ADO.NET, prepared, one transaction per transition): {rawRate:N0} transitions/s");
        output.WriteLine($"  process CPU per transition (less sensitive to other load than the rates): host {hostCpu.TotalMilliseconds / transactions:F2} ms, raw {rawCpu.TotalMilliseconds / transactions:F2} ms (host rounds include the untimed inbox lookups)");
        output.WriteLine($"  connection settings: host {hostSettings}; raw {raw.Settings}");
        reprepared = SqliteStatementCache.Reprepared(step.Connection) - reprepared;
        output.WriteLine($"  statements SQLite had to prepare again in the host rounds (ADR 0018): {reprepared:N0} ({reprepared / (double)transactions:F2} per transition)");
        output.WriteLine($"  garbage collections in the measured rounds: gen0 {GC.CollectionCount(0) - gc0}, gen1 {GC.CollectionCount(1) - gc1}, gen2 {GC.CollectionCount(2) - gc2}, pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds / transactions:F3} ms per transition");
        var (hostReport, rawReport) = (reports.Elapsed.TotalMilliseconds / cases, raw.ReportsElapsed.TotalMilliseconds / cases);
        var (hostCompletion, rawCompletion) = ((watch.Elapsed - reports.Elapsed).TotalMilliseconds / (cases * (TransitionsPerCase - 1)), (raw.Elapsed - raw.ReportsElapsed).TotalMilliseconds / (cases * (TransitionsPerCase - 1)));
        output.WriteLine($"  per kind of transition: report host {hostReport:F2} ms, raw {rawReport:F2} ms ({rawReport / hostReport:P1}); completion host {hostCompletion:F2} ms, raw {rawCompletion:F2} ms ({rawCompletion / hostCompletion:P1})");
        output.WriteLine($"  ratio host / raw per round (the load on a shared VM drifts between rounds): median {ratios[ratios.Count / 2]:P1}, lowest {ratios[0]:P1}, highest {ratios[^1]:P1}");
        output.WriteLine($"  ratio host / raw: {hostRate / rawRate:P1} (goal: at least 50 %)");
        var (nativeReport, nativeCompletion) = (native.ReportsElapsed.TotalMilliseconds / cases, (native.Elapsed - native.ReportsElapsed).TotalMilliseconds / (cases * (TransitionsPerCase - 1)));
        output.WriteLine($"  stricter baseline, the same replay with BEGIN IMMEDIATE/COMMIT as prepared statements (Microsoft.Data.Sqlite's transaction runs PRAGMA read_uncommitted, which makes SQLite prepare every statement again): {nativeRate:N0} transitions/s; report {nativeReport:F2} ms, completion {nativeCompletion:F2} ms");
        output.WriteLine($"  ratio host / stricter raw per round: median {nativeRatios[nativeRatios.Count / 2]:P1}, lowest {nativeRatios[0]:P1}, highest {nativeRatios[^1]:P1}");
        output.WriteLine($"  ratio host / stricter raw: {hostRate / nativeRate:P1} (goal: at least 50 %)");
    }

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>One case; only the seven transitions are timed, not the inbox lookups between them.</summary>
    private static async Task RunCaseAsync(IServiceProvider services, Actors actors, NewCaseReport report, WriteRecorder recorder, Stopwatch timed, Stopwatch reports)
    {
        await using var scope = services.CreateAsyncScope();
        recorder.Begin();
        timed.Start();
        reports.Start();
        var number = Expect(await scope.ServiceProvider.GetRequiredService<CaseReportingService>().ReportAsync(actors.Supervisor, report));
        reports.Stop();
        timed.Stop();
        var db = scope.ServiceProvider.GetRequiredService<CityDbContext>();
        var caseId = await db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
        var inbox = scope.ServiceProvider.GetRequiredService<TaskInbox>();
        foreach (var (who, outcome, form) in new[]
        {
            (actors.Operator, "受理", TaskForm.Empty), (actors.ShiftLeader, "立案", TaskForm.Empty),
            (actors.Dispatcher, "派遣", new TaskForm("请处理", actors.Department)), (actors.Handler, "处置完毕", new TaskForm("已处理")),
            (actors.Supervisor, "通过", TaskForm.Empty), (actors.ShiftLeader, "结案", TaskForm.Empty),
        })
        {
            var task = (await inbox.ForCaseAsync(who, caseId)).Single();
            recorder.Begin();
            timed.Start();
            Expect(await inbox.CompleteAsync(who, task.Id, outcome, form));
            timed.Stop();
        }
    }

    /// <summary>The settings that decide what a commit costs, so the two sides can be seen to match.</summary>
    private static async Task<string> SettingsAsync(DbConnection connection)
    {
        var values = new List<string>();
        foreach (var pragma in new[] { "journal_mode", "synchronous", "foreign_keys", "locking_mode", "cache_size" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {pragma};";
            values.Add($"{pragma}={await command.ExecuteScalarAsync()}");
        }

        return string.Join(", ", values) + $" ({connection.ConnectionString.Split(';', 2).ElementAtOrDefault(1)})";
    }

    private static T Expect<T>(Domain.Common.Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error.Message);

    private static void Expect(Domain.Common.Result result)
    {
        if (result.IsFailure)
        {
            throw new InvalidOperationException(result.Error.Message);
        }
    }

    private sealed record Actors(StaffContext Supervisor, StaffContext Operator, StaffContext ShiftLeader, StaffContext Dispatcher, StaffContext Handler, Guid Department);

    private static async Task<Actors> ActorsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CityDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserDirectory>();
        async Task<StaffContext> Load(string name) =>
            await users.LoadAsync(await db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync()) ?? throw new InvalidOperationException(name);
        var department = await db.OrgUnits.Where(o => o.Code == "SZ").Select(o => o.Id).SingleAsync();
        return new Actors(await Load("jdy"), await Load("sly"), await Load("zbz"), await Load("pqy"), await Load("czry"), department);
    }

    private static async Task<NewCaseReport> ReportTemplateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CityDbContext>();
        var category = await db.Categories.FirstAsync(c => c.Kind == CategoryKind.Event && c.MajorCode == "01" && c.MinorCode == "02");
        var grid = await db.Grids.OrderBy(g => g.Code).FirstAsync();
        return new NewCaseReport(CaseSource.SupervisorReport, category.Id, new GeoPoint(104.01, 30.51), "人民路12号附近", "基准测试案件",
            new CaseLocation(grid.Id, grid.Code.Value, grid.CommunityId, grid.StreetId));
    }

    /// <summary>The app's context options plus the recorder, in place of the app's registration.</summary>
    private static void RecordWrites(IServiceCollection services, WriteRecorder recorder)
    {
        var registered = services.Single(d => d.ServiceType == typeof(ContextOptionsHolder));
        services.Remove(registered);
        services.AddSingleton(sp =>
        {
            var app = (ContextOptionsHolder)registered.ImplementationFactory!(sp);
            var options = new DbContextOptionsBuilder<CityDbContext>(app.Options).AddInterceptors(recorder).Options;
            return new ContextOptionsHolder(app.Provider, options);
        });
    }

    private sealed record RecordedCommand(string Sql, (string Name, object? Value)[] Parameters);

    /// <summary>
    /// Records every statement that is not a read, grouped by the unit of work that sent it: EF's commands through
    /// the interceptor, the step writer's row statements through its observer.
    /// </summary>
    private sealed class WriteRecorder : DbCommandInterceptor
    {
        private readonly List<List<RecordedCommand>> _units = [];

        public int Reads { get; private set; }

        public TimeSpan CommandTime { get; private set; }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Reads += command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            CommandTime += eventData.Duration;
            return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            CommandTime += eventData.Duration;
            return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
        }

        public IReadOnlyList<List<RecordedCommand>> Units => _units.Where(u => u.Count > 0).ToList();

        public void Begin() => _units.Add([]);

        public void Clear()
        {
            _units.Clear();
            (Reads, CommandTime) = (0, TimeSpan.Zero);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            // EF sends INSERT/UPDATE … RETURNING as readers.
            if (!command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            {
                Record(command);
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Record(DbCommand command)
        {
            if (_units.Count == 0 || command.CommandText.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var parameters = command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToArray();
            _units[^1].Add(new RecordedCommand(command.CommandText, parameters));
        }

        /// <summary>A row statement of the step writer, which runs on its own prepared statements, not EF commands.</summary>
        public void Record(string sql, string[] names, object?[] values)
        {
            if (_units.Count > 0)
            {
                _units[^1].Add(new RecordedCommand(sql, names.Select((name, i) => ("@" + name, (object?)(values[i] ?? DBNull.Value))).ToArray()));
            }
        }
    }

    /// <summary>The baseline: the recorded writes with their parameters, prepared once, one transaction per transition.</summary>
    private sealed class RawReplay : IAsyncDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
        private readonly Stopwatch _watch = new();
        private readonly Stopwatch _reports = new();

        private readonly SqliteCommand? _begin;
        private readonly SqliteCommand? _commit;

        private RawReplay(SqliteConnection connection, string settings, bool nativeTransactions)
        {
            (_connection, Settings) = (connection, settings);
            if (nativeTransactions)
            {
                (_begin, _commit) = (connection.CreateCommand(), connection.CreateCommand());
                (_begin.CommandText, _commit.CommandText) = ("BEGIN IMMEDIATE;", "COMMIT;");
                _begin.Prepare();
                _commit.Prepare();
            }
        }

        public string Settings { get; }

        public TimeSpan Elapsed => _watch.Elapsed;

        /// <summary>The part of <see cref="Elapsed"/> spent on each case's first transaction, its report.</summary>
        public TimeSpan ReportsElapsed => _reports.Elapsed;

        /// <param name="nativeTransactions">Begin and commit with prepared statements instead of Microsoft.Data.Sqlite's transaction.</param>
        public static async Task<RawReplay> OpenAsync(string file, bool nativeTransactions)
        {
            var connection = new SqliteConnection($"Data Source={file};Pooling=False");
            await connection.OpenAsync();
            await using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode=WAL;";
                await wal.ExecuteNonQueryAsync();
            }

            return new RawReplay(connection, await SettingsAsync(connection), nativeTransactions);
        }

        public async Task ReplayAsync(IReadOnlyList<List<RecordedCommand>> units)
        {
            _watch.Start();
            for (var index = 0; index < units.Count; index++)
            {
                var unit = units[index];
                var isReport = index % TransitionsPerCase == 0;
                if (isReport)
                {
                    _reports.Start();
                }

                await using var tx = _begin is null ? (SqliteTransaction)await _connection.BeginTransactionAsync() : null;
                if (_begin is not null)
                {
                    await _begin.ExecuteNonQueryAsync();
                }

                foreach (var recorded in unit)
                {
                    if (!_prepared.TryGetValue(recorded.Sql, out var command))
                    {
                        command = _connection.CreateCommand();
                        command.CommandText = recorded.Sql;
                        foreach (var (name, _) in recorded.Parameters)
                        {
                            command.Parameters.Add(new SqliteParameter { ParameterName = name });
                        }

                        command.Prepare();
                        _prepared[recorded.Sql] = command;
                    }

                    command.Transaction = tx;
                    for (var i = 0; i < recorded.Parameters.Length; i++)
                    {
                        command.Parameters[i].Value = recorded.Parameters[i].Value;
                    }

                    await command.ExecuteNonQueryAsync();
                }

                if (tx is not null)
                {
                    await tx.CommitAsync();
                }
                else
                {
                    await _commit!.ExecuteNonQueryAsync();
                }

                _reports.Stop();
            }

            _watch.Stop();
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in _prepared.Values.Append(_begin).Append(_commit).OfType<SqliteCommand>())
            {
                await command.DisposeAsync();
            }

            await _connection.DisposeAsync();
        }
    }
}

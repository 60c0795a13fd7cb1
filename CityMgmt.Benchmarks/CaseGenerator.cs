using System.Globalization;
using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityMgmt.Benchmarks;

/// <summary>Result of a bulk load: counts and values the measured queries look up.</summary>
internal sealed record GeneratedCases(int OpenCases, int Tasks, string SampleNumber, Guid SampleCategory, DateTimeOffset Now);

/// <summary>
/// Writes cases and workflow tasks straight into SQLite (prepared inserts, one transaction) in the
/// shapes the app stores: 2,500 cases a day going back in time, open cases among the last ten days.
/// Workflow instances are not generated (the measured queries never read them), so foreign keys are off
/// for the load.
/// </summary>
internal static class CaseGenerator
{
    private const int PerDay = 2_500;

    private static readonly (CaseStatus Status, string Role, string Stage, string Assignment, int Weight)[] OpenKinds =
    [
        (CaseStatus.Reported, StaffRole.Operator, "Acceptance", "Role", 10),
        (CaseStatus.PendingVerification, StaffRole.Supervisor, "Verification", "GridSupervisor", 5),
        (CaseStatus.PendingFiling, StaffRole.ShiftLeader, "Filing", "Role", 10),
        (CaseStatus.PendingDispatch, StaffRole.Dispatcher, "Dispatch", "Role", 10),
        (CaseStatus.InDisposal, StaffRole.Handler, "Disposal", "CaseDepartment", 45),
        (CaseStatus.PendingCheck, StaffRole.Supervisor, "Check", "GridSupervisor", 10),
        (CaseStatus.PendingClose, StaffRole.ShiftLeader, "Closing", "Role", 10),
    ];

    private static readonly CaseSource[] Sources = [CaseSource.SupervisorReport, CaseSource.SupervisorReport, CaseSource.SupervisorReport, CaseSource.Hotline, CaseSource.Citizen, CaseSource.Video];

    private static readonly string[] Roads = ["人民路", "解放路", "建设路", "中山路", "滨江路", "文化路", "青龙大道", "城南路"];

    public static async Task<GeneratedCases> GenerateAsync(IServiceProvider services, string databaseFile, int total)
    {
        var now = new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);
        List<(Guid Id, string Kind)> categories;
        List<(Guid Id, string Code, Guid Community, Guid Street)> grids;
        List<Guid> departments;
        string[] closers;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CityDbContext>();
            categories = (await db.Categories.AsNoTracking().Where(c => c.MinorCode != null).Select(c => new { c.Id, c.Kind }).ToListAsync())
                .Select(c => (c.Id, c.Kind.ToString())).ToList();
            grids = (await db.Grids.AsNoTracking().Select(g => new { g.Id, g.Code, g.CommunityId, g.StreetId }).ToListAsync())
                .Select(g => (g.Id, g.Code.Value, g.CommunityId, g.StreetId)).ToList();
            departments = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.Department).Select(o => o.Id).ToListAsync();
            closers = await db.Users.AsNoTracking().Select(u => u.Id).ToArrayAsync();
        }

        var random = new Random(5);
        await using var connection = new SqliteConnection($"Data Source={databaseFile}");
        await connection.OpenAsync();
        await Exec(connection, "PRAGMA foreign_keys = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;");
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var insertCase = Prepare(connection, tx, "Cases",
            "Id Number Source Status CategoryId CategoryKind Longitude Latitude Address GridId GridCode CommunityId StreetId Description CallbackRequested " +
            "ReportedAt FiledAt DispatchedAt ClosedAt DisposalDeadline DepartmentId ClosingKind ReworkCount HistoryCount CreatedAt Version");
        var insertTask = Prepare(connection, tx, "WorkflowTasks",
            "Id InstanceId CaseId TaskKey NodeId Name Role Assignment Stage Outcomes OpenedAt DueAt DepartmentId StreetId AssigneeUserId Status ClosedAt ClosedBy Outcome CreatedAt Version");

        var openCases = 0;
        var tasks = 0;
        string? sample = null;
        var sampleCategory = categories[0].Id;
        var openWeight = OpenKinds.Sum(k => k.Weight);
        var counters = new Dictionary<string, int>();
        for (var i = 0; i < total; i++)
        {
            var dayIndex = i / PerDay;
            var day = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-dayIndex);
            var reportedAt = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddSeconds(random.Next(0, 86_400));
            if (reportedAt > now)
            {
                reportedAt = now.AddMinutes(-random.Next(1, 600));
            }

            // Sequences from 10001 on: the demo seed's own cases use the low numbers of their days.
            var chinaDay = TimeZoneInfo.ConvertTime(reportedAt, WorkingCalendar.ChinaTimeZone).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            var sequence = counters[chinaDay] = counters.GetValueOrDefault(chinaDay, 10_000) + 1;
            var number = $"{chinaDay}-{sequence:D5}";
            var category = categories[random.Next(categories.Count)];
            var grid = grids[random.Next(grids.Count)];
            var open = dayIndex < 10 && random.Next(100) < 50;
            var kind = open ? Pick(random, openWeight) : default;
            var status = open ? kind.Status : CaseStatus.Closed;
            var dispatched = status is CaseStatus.InDisposal or CaseStatus.PendingCheck or CaseStatus.PendingClose or CaseStatus.Closed;
            var department = dispatched ? departments[random.Next(departments.Count)] : (Guid?)null;
            var caseId = Guid.NewGuid();
            Bind(insertCase,
                caseId, number, Sources[random.Next(Sources.Length)].ToString(), status.ToString(), category.Id, category.Kind,
                104.0 + random.NextDouble() * 0.1, 30.5 + random.NextDouble() * 0.1, $"{Roads[random.Next(Roads.Length)]}{random.Next(1, 300)}号附近",
                grid.Id, grid.Code, grid.Community, grid.Street, "生成的测试案件", 0,
                reportedAt.UtcTicks, reportedAt.AddMinutes(20).UtcTicks, dispatched ? reportedAt.AddMinutes(40).UtcTicks : null,
                status == CaseStatus.Closed ? reportedAt.AddDays(2).UtcTicks : null, dispatched ? reportedAt.AddDays(1).UtcTicks : null,
                department, status == CaseStatus.Closed ? ClosingKind.Normal.ToString() : null, 0, 6, reportedAt.UtcTicks, 1);
            await insertCase.ExecuteNonQueryAsync();
            sample ??= number;

            if (open)
            {
                openCases++;
                sampleCategory = category.Id;
                Bind(insertTask,
                    Guid.NewGuid(), Guid.NewGuid(), caseId, "t1", "Task_" + kind.Stage, kind.Stage, kind.Role, kind.Assignment, kind.Stage, "完成",
                    reportedAt.UtcTicks, reportedAt.AddHours(4).UtcTicks, kind.Status == CaseStatus.InDisposal ? department : null, grid.Street,
                    kind.Assignment == "GridSupervisor" ? "demo-jdy" : null, "Open", null, null, null, reportedAt.UtcTicks, 1);
            }
            else
            {
                Bind(insertTask,
                    Guid.NewGuid(), Guid.NewGuid(), caseId, "t9", "Task_Close", "结案", StaffRole.ShiftLeader, "Role", "Closing", "结案",
                    reportedAt.AddDays(2).UtcTicks, null, null, grid.Street, null, "Completed", reportedAt.AddDays(2).UtcTicks,
                    closers[random.Next(closers.Length)], "结案", reportedAt.UtcTicks, 2);
            }

            await insertTask.ExecuteNonQueryAsync();
            tasks++;
        }

        await tx.CommitAsync();
        return new GeneratedCases(openCases, tasks, sample!, sampleCategory, now);
    }

    private static (CaseStatus Status, string Role, string Stage, string Assignment, int Weight) Pick(Random random, int total)
    {
        var roll = random.Next(total);
        foreach (var kind in OpenKinds)
        {
            if ((roll -= kind.Weight) < 0)
            {
                return kind;
            }
        }

        return OpenKinds[^1];
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string table, string columns)
    {
        var names = columns.Split(' ');
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", names.Select(n => "$" + n))})";
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter("$" + name, null));
        }

        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                Guid g => g.ToString().ToUpperInvariant(),
                double d => d,
                IFormattable f and not int and not long => f.ToString(null, CultureInfo.InvariantCulture),
                var v => v,
            };
        }
    }

    private static async Task Exec(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

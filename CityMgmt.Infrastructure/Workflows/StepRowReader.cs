using System.Collections.Concurrent;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Components;
using CityMgmt.Domain.Grids;
using CityMgmt.Domain.Organisation;
using CityMgmt.Domain.Workflows.Definitions;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace CityMgmt.Infrastructure.Workflows;

/// <summary>A task with its instance, case and category, read for a completion; <see cref="Rows"/> are those the step may change.</summary>
internal sealed record CompletionRows(WorkflowTask Task, WorkflowInstance Instance, CityCase Case, Category Category, IReadOnlyList<DetachedRow> Rows);

/// <summary>
/// The reads of a workflow step on SQLite outside EF Core (ADR 0017): one prepared statement per query, run on the
/// context's own connection inside its transaction, its rows built by <see cref="RowMaterializer"/> from the EF
/// model's mapping. The SQL is generated from the same model, once per model.
/// </summary>
internal static class StepRowReader
{
    private static readonly ConcurrentDictionary<IModel, Queries> ByModel = new();
    private static readonly ConcurrentDictionary<(IModel, Type, string), (string Sql, RowShape Shape)> Where = new();

    /// <summary>The task, its instance, case and category; null when there is no such task.</summary>
    public static CompletionRows? ReadCompletion(CityDbContext db, Guid taskId)
    {
        var queries = QueriesFor(db);
        var rows = Run(db, queries.Completion, taskId, queries.CompletionShapes).SingleOrDefault();
        // The category is reference data a step reads but never changes, so it is not among the rows to save.
        return rows is null
            ? null
            : new CompletionRows((WorkflowTask)rows[0].Entity, (WorkflowInstance)rows[1].Entity, (CityCase)rows[2].Entity, (Category)rows[3].Entity, rows[..3]);
    }

    /// <summary>The instance's timers that have not fired or been cancelled (scheduled, or suspended while parked).</summary>
    public static IEnumerable<DetachedRow> ReadPendingTimers(CityDbContext db, Guid instanceId)
    {
        var queries = QueriesFor(db);
        return Run(db, queries.PendingTimers, instanceId, queries.TimerShape).Select(r => r[0]);
    }

    /// <summary>The rows of <typeparamref name="T"/> whose <paramref name="property"/> equals <paramref name="value"/>.</summary>
    public static List<DetachedRow> ReadWhere<T>(CityDbContext db, string property, object value)
    {
        var (sql, shape) = Where.GetOrAdd((db.Model, typeof(T), property), key =>
        {
            var helper = db.GetService<ISqlGenerationHelper>();
            var shape = RowShape.For(db.Model.FindEntityType(typeof(T))!) ?? throw new NotSupportedException($"{typeof(T).Name} is not a plain row shape.");
            return ($"SELECT {shape.SelectList(helper, "w")} FROM {shape.TableSql(helper)} AS w WHERE w.{shape.ColumnSql(helper, property)} = @v;", shape);
        });
        return Run(db, sql, [value], s => new DetachedRow(shape.Materializer.Read(s, 0, out var read), shape, read));
    }

    /// <summary>The id and number of the newest published version of a workflow definition.</summary>
    public static (Guid Id, int Number)? LatestPublished(CityDbContext db, string key) =>
        Run(db, QueriesFor(db).LatestPublished, [key], s => ((Guid)RowStatement.Column(s, 0, typeof(Guid))!, (int)RowStatement.Column(s, 1, typeof(int))!))
            .Select(v => ((Guid, int)?)v).FirstOrDefault();

    /// <summary>The owner department of a component (for a task assigned to it).</summary>
    public static Guid? ComponentOwner(CityDbContext db, Guid componentId) =>
        Run(db, QueriesFor(db).ComponentOwner, [componentId], s => (Guid?)RowStatement.Column(s, 0, typeof(Guid))).FirstOrDefault();

    /// <summary>The supervisor of the responsibility grid that a unit grid belongs to.</summary>
    public static string? GridSupervisor(CityDbContext db, Guid gridId) =>
        Run(db, QueriesFor(db).GridSupervisor, [gridId], s => (string?)RowStatement.Column(s, 0, typeof(string))).FirstOrDefault();

    /// <summary>An active sub-centre of a street, if it has one.</summary>
    public static Guid? SubCentre(CityDbContext db, Guid streetId) =>
        Run(db, QueriesFor(db).SubCentre, [streetId], s => (Guid?)RowStatement.Column(s, 0, typeof(Guid))).FirstOrDefault();

    private static Queries QueriesFor(CityDbContext db) => ByModel.GetOrAdd(db.Model, _ => Queries.Build(db));

    /// <summary>Steps the statement with its one parameter; each row as one entity per shape, in order.</summary>
    private static List<DetachedRow[]> Run(CityDbContext db, string sql, Guid parameter, RowShape[] shapes) =>
        Run(db, sql, [parameter], statement =>
        {
            var row = new DetachedRow[shapes.Length];
            for (int i = 0, first = 0; i < shapes.Length; first += shapes[i].Count, i++)
            {
                row[i] = new DetachedRow(shapes[i].Materializer.Read(statement, first, out var read), shapes[i], read);
            }

            return row;
        });

    /// <summary>Binds the parameters in order, steps the statement to its end and reads each row; then resets it.</summary>
    private static List<T> Run<T>(CityDbContext db, string sql, object?[] parameters, Func<sqlite3_stmt, T> read)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var statement = SqliteStatementCache.Prepared(connection, sql);
        var rows = new List<T>();
        try
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                SqliteException.ThrowExceptionForRC(RowStatement.Bind(statement, i + 1, parameters[i]), connection.Handle);
            }

            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                rows.Add(read(statement));
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, connection.Handle);
            }

            return rows;
        }
        finally
        {
            // A reset statement holds no read transaction open between uses.
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement);
        }
    }

    private sealed record Queries(string Completion, RowShape[] CompletionShapes, string PendingTimers, RowShape[] TimerShape)
    {
        public required string ComponentOwner { get; init; }

        public required string GridSupervisor { get; init; }

        public required string SubCentre { get; init; }

        public required string LatestPublished { get; init; }

        public static Queries Build(CityDbContext db)
        {
            var sql = db.GetService<ISqlGenerationHelper>();
            RowShape Shape<T>() => RowShape.For(db.Model.FindEntityType(typeof(T))!)
                ?? throw new NotSupportedException($"{typeof(T).Name} is not a plain row shape.");
            var (t, i, c, k, m) = (Shape<WorkflowTask>(), Shape<WorkflowInstance>(), Shape<CityCase>(), Shape<Category>(), Shape<WorkflowTimer>());
            var completion =
                $"SELECT {t.SelectList(sql, "t")}, {i.SelectList(sql, "i")}, {c.SelectList(sql, "c")}, {k.SelectList(sql, "k")} " +
                $"FROM {t.TableSql(sql)} AS t " +
                $"JOIN {i.TableSql(sql)} AS i ON i.{i.ColumnSql(sql, "Id")} = t.{t.ColumnSql(sql, "InstanceId")} " +
                $"JOIN {c.TableSql(sql)} AS c ON c.{c.ColumnSql(sql, "Id")} = t.{t.ColumnSql(sql, "CaseId")} " +
                $"JOIN {k.TableSql(sql)} AS k ON k.{k.ColumnSql(sql, "Id")} = c.{c.ColumnSql(sql, "CategoryId")} " +
                $"WHERE t.{t.ColumnSql(sql, "Id")} = @id;";
            // The statuses as the column stores them, through the model's converter (names of the enum).
            var status = db.Model.FindEntityType(typeof(WorkflowTimer))!.FindProperty(nameof(WorkflowTimer.Status))!.GetTypeMapping().Converter;
            var pending = WorkflowTimer.PendingStatuses.Select(s => $"'{status?.ConvertToProvider(s) ?? (int)s}'");
            var timers =
                $"SELECT {m.SelectList(sql, "m")} FROM {m.TableSql(sql)} AS m " +
                $"WHERE m.{m.ColumnSql(sql, "InstanceId")} = @id AND m.{m.ColumnSql(sql, "Status")} IN ({string.Join(", ", pending)});";
            string Table<T>() => sql.DelimitIdentifier(db.Model.FindEntityType(typeof(T))!.GetTableName()!);
            string Column<T>(string property)
            {
                var type = db.Model.FindEntityType(typeof(T))!;
                return sql.DelimitIdentifier(type.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema()))!);
            }

            object? Store<T>(string property, object value) =>
                db.Model.FindEntityType(typeof(T))!.FindProperty(property)!.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;

            return new Queries(completion, [t, i, c, k], timers, [m])
            {
                ComponentOwner = $"SELECT {Column<CityComponent>("OwnerDepartmentId")} FROM {Table<CityComponent>()} WHERE {Column<CityComponent>("Id")} = @id LIMIT 1;",
                GridSupervisor =
                    $"SELECT r.{Column<ResponsibilityGrid>("SupervisorUserId")} FROM {Table<UnitGrid>()} AS g " +
                    $"JOIN {Table<ResponsibilityGrid>()} AS r ON r.{Column<ResponsibilityGrid>("Id")} = g.{Column<UnitGrid>("ResponsibilityGridId")} " +
                    $"WHERE g.{Column<UnitGrid>("Id")} = @id LIMIT 1;",
                SubCentre =
                    $"SELECT {Column<OrgUnit>("Id")} FROM {Table<OrgUnit>()} WHERE {Column<OrgUnit>("Kind")} = '{Store<OrgUnit>("Kind", OrgUnitKind.SubCentre)}' " +
                    $"AND {Column<OrgUnit>("IsActive")} = 1 AND {Column<OrgUnit>("AreaDivisionId")} = @id LIMIT 1;",
                LatestPublished =
                    $"SELECT {Column<WorkflowDefinition>("Id")}, {Column<WorkflowDefinition>("VersionNumber")} FROM {Table<WorkflowDefinition>()} " +
                    $"WHERE {Column<WorkflowDefinition>("Key")} = @key AND {Column<WorkflowDefinition>("Status")} = '{Store<WorkflowDefinition>("Status", WorkflowDefinitionStatus.Published)}' " +
                    $"ORDER BY {Column<WorkflowDefinition>("VersionNumber")} DESC LIMIT 1;",
            };
        }
    }
}

using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Evaluation;
using CityMgmt.Infrastructure.Cases;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using static CityMgmt.Infrastructure.Evaluation.HistoryScan;

namespace CityMgmt.Infrastructure.Evaluation;

/// <summary>
/// The sequential plan of <see cref="HistoryScan"/> on SQLite: the whole IX_CaseHistory_Scan in case order, with the
/// 立案 cases' columns merged in from IX_Cases_Facts in the same order. The case ids are split into ranges read on
/// their own connections at the same time (one per core, at most four), and their tallies are added up.
/// <para>It reads through SQLite's statement API: ADO.NET's reader makes two native calls per column (a NULL check,
/// then the value) and a string per text column; here a column is one call, and ids and names are compared and
/// looked up as the bytes SQLite holds (a string only for a new person). ADR 0011.</para>
/// </summary>
internal static class SqliteSequentialScan
{
    /// <summary>Boundaries between the case-id ranges (ids are upper-case GUID text: split on the first hex digit).</summary>
    private static string?[] Bounds(int partitions) =>
        [null, .. Enumerable.Range(1, partitions - 1).Select(i => (i * 16 / partitions).ToString("X", System.Globalization.CultureInfo.InvariantCulture)), null];

    public static async Task<PeriodTally> RunAsync(
        string connectionString, EvaluationPeriod period, StageLimitOptions limits, int partitions, CancellationToken ct)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Cache = SqliteCacheMode.Private, Mode = SqliteOpenMode.ReadOnly };
        var bounds = Bounds(Math.Clamp(partitions, 1, 16));
        var parts = await Task.WhenAll(Enumerable.Range(0, bounds.Length - 1).Select(i => Task.Run(
            () => RunPart(builder.ToString(), period, limits, bounds[i], bounds[i + 1], ct), ct)));
        var tally = parts[0];
        foreach (var part in parts.Skip(1))
        {
            tally.Merge(part);
        }

        tally.Finish();
        return tally;
    }

    private static PeriodTally RunPart(string connectionString, EvaluationPeriod period, StageLimitOptions limits, string? from, string? to, CancellationToken ct)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var range = (from is null ? "" : " AND {0} >= @from") + (to is null ? "" : " AND {0} < @to");
        using var lines = new Statement(connection.Handle!, $"""
            SELECT h.Sequence, h.At, h.Action, h.ActorRole, h.ActorId, h.ActorName, h.CaseId, h.ToStatus
            FROM CaseHistory h INDEXED BY IX_CaseHistory_Scan
            WHERE 1 = 1{string.Format(System.Globalization.CultureInfo.InvariantCulture, range, "h.CaseId")}
            ORDER BY h.CaseId, h.Sequence
            """, period, from, to);
        using var cases = new Statement(connection.Handle!, $"""
            SELECT Id, DepartmentId, StreetId, CommunityId, GridId, Source, DisposalDeadline
            FROM Cases INDEXED BY IX_Cases_Facts
            WHERE 1 = 1{string.Format(System.Globalization.CultureInfo.InvariantCulture, range, "Id")}
            ORDER BY Id
            """, period, from, to);

        var tally = new PeriodTally(period, limits);
        var (startTicks, endTicks) = (period.StartsAt.UtcTicks, period.EndsBefore.UtcTicks);
        var names = new Names(_ => 0);
        var actions = new Names(a => Enum.TryParse<CaseAction>(a, out var action) ? (int)action : -1);
        var casesDone = false;
        long previous = long.MaxValue;
        var rows = 0;
        while (lines.Step())
        {
            if (++rows % 65_536 == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var sequence = lines.Int64(0);
            if (sequence <= previous)
            {
                tally.EndCase();
                tally.BeginCase();
            }

            previous = sequence;
            actions.Get(lines.Bytes(2), out var actionIndex);
            if (actionIndex < 0)
            {
                continue; // not one of ours: nothing counts it
            }

            var action = (CaseAction)actionIndex;
            var ticks = lines.Int64(1);
            if (action == CaseAction.Filed && ticks >= startTicks && ticks < endTicks && !casesDone)
            {
                // Walk the case cursor up to this case: both come in BINARY (byte) order of the id text.
                var caseId = lines.Bytes(6);
                int order;
                while ((order = cases.HasRow ? cases.Bytes(0).SequenceCompareTo(caseId) : -1) < 0)
                {
                    if (!cases.Step())
                    {
                        casesDone = true;
                        break;
                    }
                }

                if (!casesDone && order == 0)
                {
                    tally.Facts(new CaseFacts(cases.Guid(1), cases.Guid(2), cases.Guid(3), cases.Guid(4), names.Get(cases.Bytes(5), out _), cases.Instant(6)));
                }
            }

            var at = new DateTimeOffset(ticks, TimeSpan.Zero);
            if (!tally.NeedsActor(at, action))
            {
                tally.Line(new Line(at, action, string.Empty, string.Empty, string.Empty));
                continue;
            }

            var role = names.Get(lines.Bytes(3), out _);
            var actorId = names.Get(lines.Bytes(4), out _);
            var toVerification = action == CaseAction.Registered && lines.Bytes(7).SequenceEqual("PendingVerification"u8);
            tally.Line(new Line(at, action, actorId, role, tally.Knows(actorId, role) ? string.Empty : names.Get(lines.Bytes(5), out _), toVerification));
        }

        tally.EndCase();
        return tally;
    }

    /// <summary>
    /// Text columns as strings, made once per distinct value (actions, roles, people and sources repeat on every line),
    /// each with a number worked out once from the text (an action's or role's index).
    /// </summary>
    private sealed class Names(Func<string, int> tagOf)
    {
        private readonly Dictionary<string, (string Value, int Tag)> known = [];
        private char[] buffer = new char[128];

        public string Get(ReadOnlySpan<byte> utf8, out int tag)
        {
            if (buffer.Length < utf8.Length)
            {
                buffer = new char[utf8.Length * 2];
            }

            var chars = buffer.AsSpan(0, Encoding.UTF8.GetChars(utf8, buffer));
            var lookup = known.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(chars, out var entry))
            {
                var value = new string(chars);
                known[value] = entry = (value, tagOf(value));
            }

            tag = entry.Tag;
            return entry.Value;
        }
    }

    /// <summary>A prepared statement read column by column (one native call each); finalized on dispose.</summary>
    private sealed class Statement : IDisposable
    {
        private readonly sqlite3_stmt statement;
        private readonly IntPtr handle;
        private readonly byte[][] buffers = new byte[8][];

        public Statement(sqlite3 db, string sql, EvaluationPeriod period, string? from, string? to)
        {
            Check(db, raw.sqlite3_prepare_v2(db, sql, out statement));
            handle = statement.DangerousGetHandle();
            Bind("@start", period.StartsAt.UtcTicks);
            Bind("@end", period.EndsBefore.UtcTicks);
            Bind("@from", from);
            Bind("@to", to);
            void Bind(string name, object? value)
            {
                var index = raw.sqlite3_bind_parameter_index(statement, name);
                if (index > 0)
                {
                    Check(db, value is long number ? raw.sqlite3_bind_int64(statement, index, number) : raw.sqlite3_bind_text(statement, index, (string)value!));
                }
            }
        }

        public bool HasRow { get; private set; }

        public bool Step()
        {
            var rc = NativeMethods.sqlite3_step(handle);
            HasRow = rc == raw.SQLITE_ROW;
            if (!HasRow && rc != raw.SQLITE_DONE)
            {
                throw new SqliteException($"SQLite error {rc} while reading the history", rc);
            }

            return HasRow;
        }

        public long Int64(int column) => NativeMethods.sqlite3_column_int64(handle, column);

        /// <summary>The column's text, copied into a buffer of the column's own; valid until the column is read again.</summary>
        public ReadOnlySpan<byte> Bytes(int column)
        {
            var text = NativeMethods.sqlite3_column_blob(handle, column);
            var length = NativeMethods.sqlite3_column_bytes(handle, column);
            if (text == IntPtr.Zero || length == 0)
            {
                return [];
            }

            var buffer = buffers[column];
            if (buffer is null || buffer.Length < length)
            {
                buffers[column] = buffer = new byte[Math.Max(64, length * 2)];
            }

            Marshal.Copy(text, buffer, 0, length);
            return buffer.AsSpan(0, length);
        }

        public Guid? Guid(int column) => NativeMethods.sqlite3_column_type(handle, column) == raw.SQLITE_NULL
            ? null
            : Utf8Parser.TryParse(Bytes(column), out Guid value, out _) ? value : throw new FormatException("A case column holds no GUID.");

        public DateTimeOffset? Instant(int column) => NativeMethods.sqlite3_column_type(handle, column) == raw.SQLITE_NULL
            ? null
            : new DateTimeOffset(Int64(column), TimeSpan.Zero);

        public void Dispose() => statement.Dispose();

        private static void Check(sqlite3 db, int rc)
        {
            if (rc != raw.SQLITE_OK)
            {
                throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
            }
        }
    }

    /// <summary>
    /// The few statement functions of the SQLite library the provider already loads (e_sqlite3), called on the raw
    /// statement pointer: SQLitePCL's wrappers marshal a SafeHandle (reference counting) on every call, which was most of
    /// the per-line cost. The column readers do no I/O and never call back, so they skip the GC transition. The
    /// <see cref="Statement"/> owning the pointer outlives every call.
    /// </summary>
    private static class NativeMethods
    {
        private const string Library = "e_sqlite3";

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int sqlite3_step(IntPtr statement);

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        [SuppressGCTransition]
        public static extern long sqlite3_column_int64(IntPtr statement, int column);

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        [SuppressGCTransition]
        public static extern IntPtr sqlite3_column_blob(IntPtr statement, int column);

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        [SuppressGCTransition]
        public static extern int sqlite3_column_bytes(IntPtr statement, int column);

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        [SuppressGCTransition]
        public static extern int sqlite3_column_type(IntPtr statement, int column);
    }
}

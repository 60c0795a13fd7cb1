using CityMgmt.Domain.Cases;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Persistence.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Cases;

/// <summary>One row of the SQLite full-text index <c>CaseSearch</c> (FTS5): a case and its text as bigrams.</summary>
public sealed class CaseSearchEntry(Guid caseId, string tokens)
{
    public Guid CaseId { get; private set; } = caseId;

    public string Tokens { get; private set; } = tokens;
}

/// <summary>
/// Keeps the SQLite full-text index of case text (ADR 0013). A case's address and description never change after the
/// report, so a row is added with the case, in its SaveChanges, and never updated. Cases written around EF (bulk
/// loads, older databases) are indexed by <see cref="FillMissingAsync"/>, which the migrator runs at start.
/// SQL Server has no such table: there the search falls back to LIKE (a full-text catalog is a follow-up).
/// </summary>
public static class CaseSearchIndex
{
    public const string Table = "CaseSearch";

    /// <summary>Adds the index rows of cases being inserted (called while saving, so they commit together).</summary>
    public static void AddFor(DbContext context, IEnumerable<CityCase> added)
    {
        if (context is not SqliteCityDbContext)
        {
            return;
        }

        foreach (var item in added)
        {
            context.Add(EntryFor(item));
        }
    }

    /// <summary>A new case's row of the index.</summary>
    public static CaseSearchEntry EntryFor(CityCase item) => new(item.Id, CaseSearchText.Tokens(item.Address, item.Description));

    /// <summary>The ids of cases whose text contains every run of <paramref name="match"/> (an FTS5 query).</summary>
    public static IQueryable<Guid> Matching(CityDbContext db, string match) =>
        db.Set<CaseSearchEntry>().FromSql($"SELECT CaseId, Tokens FROM CaseSearch WHERE CaseSearch MATCH {match}").Select(e => e.CaseId);

    /// <summary>Indexes every case that has no row yet, in batches; returns how many were added.</summary>
    public static async Task<int> FillMissingAsync(CityDbContext db, CancellationToken ct = default)
    {
        if (db is not SqliteCityDbContext)
        {
            return 0;
        }

        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (await CountAsync(connection, "SELECT COUNT(*) FROM CaseSearch", ct) >= await CountAsync(connection, "SELECT COUNT(*) FROM Cases", ct))
        {
            return 0;
        }

        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT Id, Address, Description FROM Cases WHERE Id NOT IN (SELECT CaseId FROM CaseSearch)";
        var missing = new List<(string Id, string Tokens)>();
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                missing.Add((reader.GetString(0), CaseSearchText.Tokens(reader.GetString(1), reader.GetString(2))));
            }
        }

        foreach (var batch in missing.Chunk(10_000))
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO CaseSearch (CaseId, Tokens) VALUES ($id, $tokens)";
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var tokens = insert.Parameters.Add("$tokens", SqliteType.Text);
            foreach (var row in batch)
            {
                (id.Value, tokens.Value) = (row.Id, row.Tokens);
                await insert.ExecuteNonQueryAsync(ct);
            }

            await tx.CommitAsync(ct);
        }

        return missing.Count;
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}

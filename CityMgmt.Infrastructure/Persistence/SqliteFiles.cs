using Microsoft.Data.Sqlite;

namespace CityMgmt.Infrastructure.Persistence;

/// <summary>Copies of SQLite database files.</summary>
internal static class SqliteFiles
{
    /// <summary>
    /// A consistent copy of <paramref name="source"/> at <paramref name="target"/> through SQLite's backup API. A file
    /// copy is not one while the app runs: its step connection stays open (ADR 0018), so the latest commits may still be
    /// in the WAL beside the file.
    /// </summary>
    public static void Backup(string source, string target)
    {
        using var from = new SqliteConnection($"Data Source={source};Pooling=False");
        using var to = new SqliteConnection($"Data Source={target};Pooling=False");
        from.Open();
        to.Open();
        from.BackupDatabase(to);
    }
}

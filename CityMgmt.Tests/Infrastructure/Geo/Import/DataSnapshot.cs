using System.Security.Cryptography;
using System.Text;
using CityMgmt.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CityMgmt.Tests.Infrastructure.Geo.Import;

/// <summary>
/// Every row and column of the base-data tables (and the admin audit) hashed: equal snapshots mean an import
/// wrote nothing at all — no new row, no updated name, shape, version or history entry.
/// </summary>
internal sealed record DataSnapshot(IReadOnlyDictionary<string, string> Tables)
{
    private static readonly string[] Names = ["Components", "ComponentChanges", "Grids", "Divisions", "Gazetteer", "AdminAudit"];

    public static async Task<DataSnapshot> TakeAsync(TestServices services)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = services.DatabaseFile, Pooling = false }.ToString());
        await connection.OpenAsync();
        var tables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in Names)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            await using var reader = await command.ExecuteReaderAsync();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var bytes = reader.IsDBNull(i) ? "∅"u8.ToArray()
                        : reader.GetValue(i) is byte[] blob ? blob
                        : Encoding.UTF8.GetBytes(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!);
                    hash.AppendData(BitConverter.GetBytes(bytes.Length));
                    hash.AppendData(bytes);
                }
            }

            tables[table] = $"{rows} rows {Convert.ToHexString(hash.GetHashAndReset())[..16]}";
        }

        return new DataSnapshot(tables);
    }

    public void ShouldBeUnchangedSince(DataSnapshot before)
    {
        foreach (var (table, value) in before.Tables)
        {
            Tables[table].ShouldBe(value, $"table {table} changed");
        }
    }
}

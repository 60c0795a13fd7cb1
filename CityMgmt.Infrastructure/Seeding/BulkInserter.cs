using System.Data.Common;
using CityMgmt.Domain.Common;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CityMgmt.Infrastructure.Seeding;

/// <summary>
/// Inserts many rows of one entity type with a prepared command inside the caller's transaction.
/// Columns and value conversions come from the EF model, so it follows the migrations exactly.
/// Used for demo seeding and bulk imports where change tracking 170,000 rows would be too slow.
/// </summary>
internal static class BulkInserter
{
    public static async Task<int> InsertAsync<T>(CityDbContext db, IEnumerable<T> rows, string user, DateTimeOffset now, CancellationToken ct)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties().Where(p => p.GetColumnName(table) is not null).ToList();
        var sql = BuildSql(db, entityType, table, properties);

        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        // Parameters are typed by each column's mapping (e.g. SQLite keeps GUIDs as upper-case text).
        var mappings = properties.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping()).ToArray();
        DbParameter[]? parameters = null;

        var count = 0;
        foreach (var row in rows)
        {
            if (row is Entity entity)
            {
                entity.CreatedAt = now;
                entity.CreatedBy = user;
            }

            if (parameters is null)
            {
                parameters = new DbParameter[properties.Count];
                for (var i = 0; i < properties.Count; i++)
                {
                    parameters[i] = mappings[i].CreateParameter(command, "@p" + i, properties[i].GetGetter().GetClrValue(row), nullable: true);
                    command.Parameters.Add(parameters[i]);
                }

                await command.PrepareAsync(ct);
            }
            else
            {
                for (var i = 0; i < properties.Count; i++)
                {
                    parameters[i].Value = ToProvider(mappings[i], properties[i], row) ?? DBNull.Value;
                }
            }

            await command.ExecuteNonQueryAsync(ct);
            count++;
        }

        return count;
    }

    private static string BuildSql(CityDbContext db, IEntityType entityType, StoreObjectIdentifier table, List<IProperty> properties)
    {
        var helper = db.GetService<ISqlGenerationHelper>();
        var columns = string.Join(", ", properties.Select(p => helper.DelimitIdentifier(p.GetColumnName(table)!)));
        var values = string.Join(", ", properties.Select((_, i) => "@p" + i));
        return $"INSERT INTO {helper.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ({values})";
    }

    private static object? ToProvider(RelationalTypeMapping mapping, IProperty property, object row)
    {
        var value = property.GetGetter().GetClrValue(row);
        if (value is null)
        {
            return null;
        }

        var converter = mapping.Converter;
        return converter is null ? value : converter.ConvertToProvider(value);
    }
}

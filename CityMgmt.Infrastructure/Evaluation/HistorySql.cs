using System.Data.Common;
using CityMgmt.Infrastructure.Persistence;

namespace CityMgmt.Infrastructure.Evaluation;

/// <summary>
/// The provider difference the evaluation SQL meets: how instants are stored (SQLite: UTC ticks, SQL Server:
/// datetimeoffset).
/// </summary>
internal sealed record HistorySql(DatabaseProvider Provider)
{
    public bool IsSqlServer => Provider == DatabaseProvider.SqlServer;

    public object Instant(DateTimeOffset value) => IsSqlServer ? value : value.UtcTicks;

    /// <summary>A non-null instant column, read without boxing.</summary>
    public DateTimeOffset ReadAt(DbDataReader reader, int ordinal) => IsSqlServer
        ? reader.GetFieldValue<DateTimeOffset>(ordinal)
        : new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero);

    public static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public static Guid? ReadGuid(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal)
        ? null
        : reader.GetValue(ordinal) switch
        {
            Guid g => g,
            string s => Guid.Parse(s),
            var other => Guid.Parse(other.ToString()!),
        };

    public static DateTimeOffset? ReadInstant(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal)
        ? null
        : reader.GetValue(ordinal) switch
        {
            DateTimeOffset d => d,
            long ticks => new DateTimeOffset(ticks, TimeSpan.Zero),
            var other => new DateTimeOffset(Convert.ToInt64(other, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero),
        };
}

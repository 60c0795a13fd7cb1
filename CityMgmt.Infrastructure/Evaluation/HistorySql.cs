using System.Data.Common;
using CityMgmt.Infrastructure.Persistence;

namespace CityMgmt.Infrastructure.Evaluation;

/// <summary>
/// The two provider differences the evaluation SQL meets: how instants are stored (SQLite: UTC ticks, SQL Server:
/// datetimeoffset) and how the time between two of them is measured.
/// </summary>
internal sealed record HistorySql(DatabaseProvider Provider)
{
    public bool IsSqlServer => Provider == DatabaseProvider.SqlServer;

    /// <summary>Ticks (100 ns) from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public string Elapsed(string from, string to) => IsSqlServer
        ? $"(DATEDIFF_BIG(millisecond, {from}, {to}) * 10000)"
        : $"({to} - {from})";

    public object Instant(DateTimeOffset value) => IsSqlServer ? value : value.UtcTicks;

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

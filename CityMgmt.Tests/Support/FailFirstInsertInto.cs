using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CityMgmt.Tests.Support;

/// <summary>
/// A dropped connection, once: the first EF command inserting into <paramref name="table"/> throws a
/// <see cref="TimeoutException"/>, which <see cref="RetryingContexts"/> treats as transient.
/// </summary>
internal sealed class FailFirstInsertInto(string table) : DbCommandInterceptor
{
    private readonly string _insert = $"INSERT INTO \"{table}\"";

    public bool Failed { get; private set; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        FailOnce(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        FailOnce(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void FailOnce(DbCommand command)
    {
        if (!Failed && command.CommandText.Contains(_insert, StringComparison.Ordinal))
        {
            Failed = true;
            throw new TimeoutException("connection dropped");
        }
    }
}

using CityMgmt.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Persistence;

/// <summary>Saving as a <see cref="Result"/>: another user's conflicting save becomes a Chinese message, not a crash.</summary>
public static class SaveResults
{
    /// <param name="conflict">When someone else changed the same row since it was read (version check).</param>
    /// <param name="duplicate">When a unique index refused a value another user saved at the same moment.</param>
    public static async Task<Result> TrySaveAsync(this CityDbContext db, Error conflict, Error? duplicate = null, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Success();
        }
        catch (DbUpdateConcurrencyException)
        {
            return conflict;
        }
        catch (DbUpdateException) when (duplicate is not null)
        {
            return duplicate;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, committed only when it succeeds, under the provider's
    /// execution strategy: SQL Server's retrying strategy refuses a transaction begun outside it, and on a transient
    /// failure runs the whole unit again from a cleared change tracker. On SQLite it runs once. A failed result or an
    /// exception rolls everything back; there are no savepoints, since nothing is kept of a failed unit.
    /// </summary>
    public static Task<TResult> InTransactionAsync<TResult>(this CityDbContext db, Func<CancellationToken, Task<TResult>> work, CancellationToken ct = default)
        where TResult : Result =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(
            async token =>
            {
                db.ChangeTracker.Clear();
                db.Database.AutoSavepointsEnabled = false;
                await using var tx = await db.Database.BeginTransactionAsync(token);
                var result = await work(token);
                if (result.IsSuccess)
                {
                    await tx.CommitAsync(token);
                }

                return result;
            },
            ct);

    /// <summary>
    /// <see cref="InTransactionAsync{TResult}"/> for a workflow step on SQLite whose rows go through prepared statements
    /// (ADR 0017): <paramref name="work"/> gets a context on the database's <see cref="SqliteStepConnection"/> (ADR 0018),
    /// stamped with this context's user, and runs in one transaction on it.
    /// </summary>
    internal static Task<TResult> InSqliteTransactionAsync<TResult>(this CityDbContext db, Func<CityDbContext, CancellationToken, Task<TResult>> work, CancellationToken ct = default)
        where TResult : Result =>
        (db.StepConnection ?? throw new InvalidOperationException("This context does not come from a SQLite pool holder."))
            .InTransactionAsync(db.AuditUserName, work, ct);
}

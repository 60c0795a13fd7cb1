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
}

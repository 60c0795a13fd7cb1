using System.Security.Claims;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Identity;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Organisation;

/// <summary>Resolves the acting user's roles and data scope from the database (never from client input).</summary>
public sealed class UserDirectory(IDbContextFactory<CityDbContext> factory)
{
    private StaffContext? _cached;

    public async Task<StaffContext?> GetAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return null;
        }

        if (_cached?.UserId == userId)
        {
            return _cached;
        }

        _cached = await LoadAsync(userId, ct);
        return _cached;
    }

    public async Task<StaffContext?> LoadAsync(string userId, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || !user.IsActive)
        {
            return null;
        }

        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.Name!).ToListAsync(ct);
        var unit = user.OrgUnitId is { } id ? await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) : null;
        return Build(user, roles, unit);
    }

    internal static StaffContext Build(ApplicationUser user, IEnumerable<string> roles, OrgUnit? unit) =>
        new(user.Id, user.UserName ?? string.Empty, user.DisplayName, roles.ToHashSet(), DataScope.For(unit), unit?.Name ?? "（未分配机构）");
}

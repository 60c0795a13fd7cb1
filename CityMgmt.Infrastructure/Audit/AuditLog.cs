using CityMgmt.Domain.Audit;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Audit;

/// <summary>Writes and reads the append-only login and administration logs.</summary>
public sealed class AuditLog(IDbContextFactory<CityDbContext> factory, TimeProvider clock)
{
    public async Task LoginAsync(LoginEventKind kind, string userName, string? userId, string? ip, string? userAgent, string? detail = null)
    {
        await using var db = factory.CreateDbContext();
        db.LoginAudit.Add(new LoginAuditEntry(clock.GetUtcNow(), kind, userName, userId, ip, userAgent, detail));
        await db.SaveChangesAsync();
    }

    /// <summary>Adds an admin entry to <paramref name="db"/> so it commits with the change it records.</summary>
    public void Admin(CityDbContext db, StaffContext actor, string action, string target, string? detail = null) =>
        db.AdminAudit.Add(new AdminAuditEntry(clock.GetUtcNow(), actor.UserId, actor.DisplayName, action, target, detail));

    public async Task<List<LoginAuditEntry>> RecentLoginsAsync(StaffContext actor, int take, string? userName = null, CancellationToken ct = default)
    {
        actor.EnsureRole(StaffRole.Admin);
        await using var db = factory.CreateDbContext();
        var query = db.LoginAudit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(userName))
        {
            query = query.Where(e => e.UserName == userName);
        }

        return await query.OrderByDescending(e => e.At).Take(take).ToListAsync(ct);
    }

    public async Task<List<AdminAuditEntry>> RecentAdminAsync(StaffContext actor, int take, CancellationToken ct = default)
    {
        actor.EnsureRole(StaffRole.Admin);
        await using var db = factory.CreateDbContext();
        return await db.AdminAudit.AsNoTracking().OrderByDescending(e => e.At).Take(take).ToListAsync(ct);
    }
}

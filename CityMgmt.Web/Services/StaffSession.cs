using CityMgmt.Infrastructure.Organisation;
using Microsoft.AspNetCore.Components.Authorization;

namespace CityMgmt.Web.Services;

/// <summary>The acting staff member (roles + data scope) for the current circuit, loaded from the database once.</summary>
public sealed class StaffSession(AuthenticationStateProvider auth, UserDirectory directory)
{
    public async Task<StaffContext?> GetAsync(CancellationToken ct = default)
    {
        var state = await auth.GetAuthenticationStateAsync();
        return await directory.GetAsync(state.User, ct);
    }

    /// <summary>For pages that are already behind [Authorize]: a missing context means the account was removed.</summary>
    public async Task<StaffContext> RequireAsync(CancellationToken ct = default) =>
        await GetAsync(ct) ?? throw new UnauthorizedAccessException("当前账号不存在或已停用");
}

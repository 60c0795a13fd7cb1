using System.Security.Claims;
using CityMgmt.Infrastructure.Identity;

namespace CityMgmt.Web.Services;

/// <summary>
/// The signed-in user for audit columns: the circuit's user inside Blazor (set by
/// <see cref="SessionCircuitHandler"/>), the request's user on plain HTTP endpoints.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http) : ICurrentUser
{
    private ClaimsPrincipal? _circuitUser;

    public string? UserId => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string UserName => Principal?.Identity?.Name ?? "system";

    private ClaimsPrincipal? Principal => _circuitUser ?? http.HttpContext?.User;

    internal void SetCircuitUser(ClaimsPrincipal user) => _circuitUser = user;
}

using System.Security.Claims;
using Bunit;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Web.Services;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CityMgmt.Tests.Support;

/// <summary>The one bUnit context setup: loose JS interop, MudBlazor, our services from a real SQLite host, a signed-in user.</summary>
public static class BunitHost
{
    public static async Task<BunitContext> CreateAsync(TestServices services, string? userName)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        // bUnit resolves constructor dependencies of its own registrations only from its own container.
        var scope = services.Services.CreateScope().ServiceProvider;
        ctx.Services.AddScoped(sp => new StaffSession(sp.GetRequiredService<AuthenticationStateProvider>(), scope.GetRequiredService<UserDirectory>()));
        ctx.Services.AddFallbackServiceProvider(scope);
        ctx.Services.AddSingleton(services.Services.GetRequiredService<TimeProvider>());
        var auth = ctx.AddAuthorization();
        if (userName is not null)
        {
            var staff = await services.StaffAsync(userName);
            auth.SetAuthorized(userName);
            auth.SetRoles([.. staff.Roles]);
            auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, staff.UserId));
        }

        return ctx;
    }
}

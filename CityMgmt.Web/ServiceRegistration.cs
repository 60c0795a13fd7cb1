using CityMgmt.Infrastructure;
using CityMgmt.Infrastructure.Identity;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Web.Services;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using MudBlazor;
using MudBlazor.Services;

namespace CityMgmt.Web;

internal static class ServiceRegistration
{
    /// <summary>Identity with cookies: admin-created accounts, lockout, password rules and idle timeout from "Security".</summary>
    public static IServiceCollection AddCityMgmtSecurity(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<SessionCircuitHandler>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<SessionCircuitHandler>());
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingStateProvider>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);
            o.SlidingExpiration = true;
            o.Cookie.Name = "CityMgmt.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Events.OnRedirectToLogin = ctx => RedirectUnlessApi(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => RedirectUnlessApi(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddCityIdentity(security).AddSignInManager();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        // Keys live beside the database so sign-ins survive a restart.
        services.AddDataProtection()
            .SetApplicationName("CityMgmt")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(database.ResolveDataFolder(environment.ContentRootPath), "keys")));
        return services;
    }

    public static IServiceCollection AddCityMgmtUi(this IServiceCollection services)
    {
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.TopCenter;
            o.SnackbarConfiguration.VisibleStateDuration = 4000;
        });
        services.AddScoped<StaffSession>();
        return services;
    }

    private static Task RedirectUnlessApi(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

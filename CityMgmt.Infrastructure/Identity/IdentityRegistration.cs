using CityMgmt.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CityMgmt.Infrastructure;

public static class IdentityRegistration
{
    /// <summary>
    /// Identity stores and rules (password, lockout) without cookies: the web host adds sign-in and
    /// cookies on top; tests and tools use the user store directly.
    /// </summary>
    public static IdentityBuilder AddCityIdentity(this IServiceCollection services, Identity.SecurityOptions security) =>
        services.AddIdentityCore<Identity.ApplicationUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.SignIn.RequireConfirmedEmail = false;
                o.User.RequireUniqueEmail = false;
                o.Password.RequiredLength = security.PasswordMinLength;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = security.MaxFailedAccessAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CityDbContext>()
            .AddErrorDescriber<Identity.ChineseIdentityErrorDescriber>()
            .AddDefaultTokenProviders();
}

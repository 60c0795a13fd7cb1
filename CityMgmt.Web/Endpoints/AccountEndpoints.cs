using CityMgmt.Domain.Audit;
using CityMgmt.Infrastructure.Audit;
using CityMgmt.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace CityMgmt.Web.Endpoints;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account");

        // Logout is a POST with an antiforgery token (the user menu's form).
        account.MapPost("/logout", (HttpContext context, SignInManager<ApplicationUser> signIn, AuditLog audit) =>
            SignOutAsync(context, signIn, audit, LoginEventKind.Logout, "logout"));

        // The idle watcher (which writes the audit line) sends the browser here; a stray GET can only end the caller's own session.
        account.MapGet("/idle-logout", async (SignInManager<ApplicationUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("~/account/login?reason=idle");
        }).AllowAnonymous();

        // Renews the sliding cookie while the user works inside the Blazor circuit (no other HTTP traffic).
        account.MapPost("/keepalive", () => Results.NoContent()).RequireAuthorization().DisableAntiforgery();
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, SignInManager<ApplicationUser> signIn, AuditLog audit, LoginEventKind kind, string reason)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var userId = signIn.UserManager.GetUserId(context.User);
            await audit.LoginAsync(kind, context.User.Identity.Name ?? "", userId, context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString());
            await signIn.SignOutAsync();
        }

        return Results.LocalRedirect($"~/account/login?reason={reason}");
    }
}

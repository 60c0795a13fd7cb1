using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CityMgmt.Web.Services;

/// <summary>
/// Per circuit: keeps <see cref="CurrentUser"/> in step with the authentication state and records
/// the last inbound activity (clicks, keys, navigation) so an idle session can be ended server-side.
/// </summary>
public sealed class SessionCircuitHandler(AuthenticationStateProvider auth, CurrentUser user, TimeProvider clock) : CircuitHandler, IDisposable
{
    private long _lastActivityTicks = clock.GetUtcNow().UtcTicks;

    public DateTimeOffset LastActivity => new(Interlocked.Read(ref _lastActivityTicks), TimeSpan.Zero);

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        auth.AuthenticationStateChanged += OnAuthenticationChanged;
        user.SetCircuitUser((await auth.GetAuthenticationStateAsync()).User);
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            Interlocked.Exchange(ref _lastActivityTicks, clock.GetUtcNow().UtcTicks);
            return next(context);
        };

    public void Dispose() => auth.AuthenticationStateChanged -= OnAuthenticationChanged;

    private async void OnAuthenticationChanged(Task<AuthenticationState> task)
    {
        try
        {
            user.SetCircuitUser((await task).User);
        }
        catch (InvalidOperationException)
        {
            // The circuit is going away; nothing to update.
        }
    }
}

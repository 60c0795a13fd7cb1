using CityMgmt.Domain.Audit;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityMgmt.Tests.E2E;

/// <summary>
/// The app with a 15-second idle timeout, so the real timeout path runs in a test. The cookie expires with it, so
/// it also bounds login until the circuit attaches: 6 seconds were exceeded on a loaded 2-core machine.
/// </summary>
public sealed class ShortIdleAppServer : AppServer
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Security:IdleTimeoutMinutes"] = "0.25" };
}

[CollectionDefinition(Name)]
public class ShortIdleCollection : ICollectionFixture<ShortIdleAppServer>
{
    public const string Name = "short-idle";
}

[Collection(ShortIdleCollection.Name)]
public class IdleTimeoutTests(ShortIdleAppServer app)
{
    [Fact]
    public async Task Session_LeftIdle_EndsAtTheLoginPageWithANotice()
    {
        var page = await app.LoginAsync("ld");

        await page.WaitForURLAsync("**/account/login?reason=idle", new() { Timeout = 60_000 });

        (await page.ContentAsync()).ShouldContain("由于长时间未操作，您已自动退出");
        await page.GotoAsync("/");
        new Uri(page.Url).AbsolutePath.ShouldBe("/account/login");
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<CityDbContext>().LoginAudit
            .AnyAsync(a => a.UserName == "ld" && a.Kind == LoginEventKind.IdleTimeout)).ShouldBeTrue();
        await page.Context.CloseAsync();
    }
}

using CityMgmt.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CityMgmt.Tests.E2E;

/// <summary>
/// The real app on Kestrel (random port) over a copy of the small demo county, and one headless
/// Debian Chromium driven by Playwright. Shared by the E2E tests of a collection.
/// </summary>
public class AppServer : IAsyncLifetime
{
    public const string Password = "Demo@2026";

    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public string DataFolder { get; } = TestServices.NewFolder();

    /// <summary>Settings on top of the app's own (override in a derived fixture).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        File.Copy(await SeededTemplate.GetAsync(), Path.Combine(DataFolder, "citymgmt.db"));
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("Database:DataFolder", DataFolder);
            web.UseSetting("Database:SchedulerName", "test-" + Path.GetFileName(DataFolder));
            web.UseSetting("Seed:Demo", "true");
            web.UseSetting("Seed:Profile", "Small");
            foreach (var (key, value) in Settings)
            {
                web.UseSetting(key, value);
            }
        });
        _factory.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            ChromiumSandbox = false,
            Args = ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "zh-CN" });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>Logs in through the real form and waits until the interactive shell is attached.</summary>
    public async Task<IPage> LoginAsync(string userName, string password = Password)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#login-submit");
        await page.WaitForSelectorAsync("[data-testid=nav-menu]");
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>The prerendered page is inert until Blazor's circuit attaches.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.WaitForSelectorAsync("body[data-circuit=ready]", new() { State = WaitForSelectorState.Attached });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        TestServices.TryDelete(DataFolder);
    }
}

[CollectionDefinition(Name)]
public class AppCollection : ICollectionFixture<AppServer>
{
    public const string Name = "app";
}

using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace CityMgmt.Tests.E2E;

[Collection(AppCollection.Name)]
public class AnonymousCrawlTests(AppServer app)
{
    private static readonly string[] Public = ["/account/login", "/account/access-denied", "/Error", "/not-found", "/account/idle-logout"];

    /// <summary>Every @page route of the app, parameters filled with plausible values.</summary>
    public static IEnumerable<object[]> Routes() =>
        typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => System.Text.RegularExpressions.Regex.Replace(r.Template, "{[^}]*guid[^}]*}", Guid.NewGuid().ToString()))
            .Select(r => System.Text.RegularExpressions.Regex.Replace(r, "{[^}]*}", "1"))
            .Where(r => !Public.Contains(r, StringComparer.OrdinalIgnoreCase))
            .Distinct()
            .Select(r => new object[] { r });

    [Fact]
    public void Routes_AreDiscovered() => Routes().Count().ShouldBeGreaterThan(5);

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Visit_Anonymously_EndsAtTheLoginPage(string route)
    {
        var page = await app.NewPageAsync();

        var response = await page.GotoAsync(route);

        new Uri(page.Url).AbsolutePath.ShouldBe("/account/login", $"{route} did not end at the login page");
        response!.Status.ShouldBe(200);
        (await page.ContentAsync()).ShouldContain("用户登录");
        (await page.ContentAsync()).ShouldNotContain("data-testid=\"nav-menu\"");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/account/keepalive")]
    public async Task Endpoints_Anonymously_AreRefused(string path)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(app.BaseUrl) };

        using var response = await http.PostAsync(path, null);

        ((int)response.StatusCode).ShouldBeOneOf(302, 401);
    }
}

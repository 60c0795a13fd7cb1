using CityMgmt.Infrastructure;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Web;
using CityMgmt.Web.Components;
using CityMgmt.Web.Endpoints;

var builder = WebApplication.CreateBuilder(args);

// Serve package assets (MudBlazor, _framework) from the build output in every environment, so run.sh
// works in Production mode; a published app has no manifest and this does nothing.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
builder.Services.AddCityMgmtSecurity(builder.Configuration, builder.Environment);
builder.Services.AddCityMgmtUi();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapBaseDataExportEndpoints();
app.MapWorkflowEndpoints();
app.MapMapEndpoints();
app.MapCaseAttachmentEndpoints();
app.MapFieldReportEndpoints();
app.MapEvaluationExportEndpoints();
app.MapExportDownloadEndpoints();

app.Logger.LogInformation("CityMgmt starting: database {Provider}", app.Configuration[$"{DatabaseOptions.Section}:Provider"] ?? "Sqlite");
app.Run();

/// <summary>Entry point; public so the tests can host it with WebApplicationFactory.</summary>
public partial class Program;

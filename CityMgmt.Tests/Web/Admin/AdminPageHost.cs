using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CityMgmt.Tests.Web.Admin;

/// <summary>Helpers for the admin page tests: the providers MainLayout renders, and what the snackbar showed.</summary>
internal static class AdminPageHost
{
    /// <summary>The page below the popover and dialog providers, so its selects and dialogs can open.</summary>
    public static RenderFragment WithProviders<TPage>()
        where TPage : IComponent => builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.OpenComponent<TPage>(2);
        builder.CloseComponent();
    };

    /// <summary>Messages shown through <see cref="ISnackbar"/> so far (errors and confirmations).</summary>
    public static List<string> Snackbars(this BunitContext ctx) =>
        ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? string.Empty).ToList();
}

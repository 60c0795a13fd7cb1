using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Organisation;
using MudBlazor;

namespace CityMgmt.Web.Components.Pages.Admin;

public partial class UsersPage
{
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false };

    private StaffContext? staff;
    private List<UserRow>? users;
    private List<OrgUnit> orgUnits = [];
    private string? search;

    private IEnumerable<UserRow> Filtered => string.IsNullOrWhiteSpace(search)
        ? users ?? []
        : (users ?? []).Where(u => Matches(u, search.Trim()));

    protected override async Task OnInitializedAsync()
    {
        staff = await Session.RequireAsync();
        orgUnits = await BaseData.OrgUnitsAsync();
        await LoadAsync();
    }

    private async Task LoadAsync() => users = await UserAdmin.ListAsync(staff!);

    private static bool Matches(UserRow user, string text) =>
        user.UserName.Contains(text, StringComparison.OrdinalIgnoreCase)
        || user.DisplayName.Contains(text, StringComparison.Ordinal)
        || user.OrgName.Contains(text, StringComparison.Ordinal);

    private Task CreateAsync() => ShowEditorAsync("新建用户", null);

    private Task EditAsync(UserRow user) => ShowEditorAsync($"编辑用户 {user.UserName}", user);

    private async Task ShowEditorAsync(string title, UserRow? user)
    {
        var parameters = new DialogParameters<UserEditDialog>
        {
            { d => d.Staff, staff },
            { d => d.OrgUnits, orgUnits },
            { d => d.User, user },
        };
        await AfterDialogAsync(await Dialogs.ShowAsync<UserEditDialog>(title, parameters, Options), "用户已保存");
    }

    private async Task ResetPasswordAsync(UserRow user)
    {
        var parameters = new DialogParameters<UserPasswordDialog> { { d => d.Staff, staff }, { d => d.User, user } };
        await AfterDialogAsync(await Dialogs.ShowAsync<UserPasswordDialog>($"重置密码 {user.UserName}", parameters, Options), "密码已重置");
    }

    private async Task UnlockAsync(UserRow user)
    {
        var result = await UserAdmin.UnlockAsync(staff!, user.Id);
        if (result.IsFailure)
        {
            Snackbar.Add(result.Error.Message, Severity.Error);
            return;
        }

        Snackbar.Add($"已解除 {user.UserName} 的锁定", Severity.Success);
        await LoadAsync();
    }

    private async Task AfterDialogAsync(IDialogReference dialog, string message)
    {
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            Snackbar.Add(message, Severity.Success);
            await LoadAsync();
        }
    }
}

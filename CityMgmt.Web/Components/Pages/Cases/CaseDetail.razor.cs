using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Web.Services;
using Microsoft.AspNetCore.Components;
using CaseInfo = CityMgmt.Infrastructure.Cases.CaseDetail;

namespace CityMgmt.Web.Components.Pages.Cases;

/// <summary>案件详情: everything about one case the user may see; out of scope looks exactly like "not found".</summary>
public sealed partial class CaseDetail : IDisposable
{
    private StaffContext? staff;
    private Guid? seenId;
    private bool loading = true;
    private CaseInfo? detail;
    private string? refusal;
    private bool showPhone;
    private DateTimeOffset? disposalStoppedAt;
    private DateTimeOffset now;

    [Inject]
    private StaffSession Session { get; set; } = null!;

    [Inject]
    private CaseQueries Queries { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Inject]
    private CaseChangeNotifier Changes { get; set; } = null!;

    [Parameter]
    public Guid Id { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        loading = true;
        Changes.Changed -= OnCaseChanged;
        Changes.Changed += OnCaseChanged;
        await LoadAsync();
        loading = false;
    }

    public void Dispose() => Changes.Changed -= OnCaseChanged;

    // Another user acted on this case: show its fresh state (and the buttons that are left).
    private void OnCaseChanged(Guid caseId)
    {
        if (caseId == Id)
        {
            _ = InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            });
        }
    }

    private async Task LoadAsync()
    {
        staff = await Session.RequireAsync();
        var result = await Queries.GetAsync(staff, Id);
        now = Clock.GetUtcNow();
        detail = result.IsSuccess ? result.Value : null;
        refusal = result.IsSuccess ? null : seenId == Id ? "该案件已不在您的办理范围内（如已回退或改派）" : result.Error.Message;
        seenId = result.IsSuccess ? Id : seenId;

        // Citizens' phone numbers are for the centre's callbacks, not for the departments handling the case.
        showPhone = staff.Roles.Any(r => r != StaffRole.Handler);
        disposalStoppedAt = detail is { Case.Status: CaseStatus.PendingCheck or CaseStatus.PendingClose or CaseStatus.Closed }
            ? detail.History.LastOrDefault(h => h.Action == CaseAction.DisposalReported)?.At
            : null;
    }

    private static string StageName(AttachmentStage stage) => stage switch
    {
        AttachmentStage.Report => "上报",
        AttachmentStage.Verification => "核实",
        AttachmentStage.Disposal => "处置",
        AttachmentStage.Check => "核查",
        _ => stage.ToString(),
    };
}

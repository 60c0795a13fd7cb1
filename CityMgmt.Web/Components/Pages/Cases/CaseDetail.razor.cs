using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Web.Services;
using Microsoft.AspNetCore.Components;
using CaseInfo = CityMgmt.Infrastructure.Cases.CaseDetail;

namespace CityMgmt.Web.Components.Pages.Cases;

/// <summary>案件详情: everything about one case the user may see; out of scope looks exactly like "not found".</summary>
public sealed partial class CaseDetail
{
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

    [Parameter]
    public Guid Id { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        loading = true;
        var staff = await Session.RequireAsync();
        var result = await Queries.GetAsync(staff, Id);
        now = Clock.GetUtcNow();
        detail = result.IsSuccess ? result.Value : null;
        refusal = result.IsSuccess ? null : result.Error.Message;

        // Citizens' phone numbers are for the centre's callbacks, not for the departments handling the case.
        showPhone = staff.Roles.Any(r => r != StaffRole.Handler);
        disposalStoppedAt = detail is { Case.Status: CaseStatus.PendingCheck or CaseStatus.PendingClose or CaseStatus.Closed }
            ? detail.History.LastOrDefault(h => h.Action == CaseAction.DisposalReported)?.At
            : null;
        loading = false;
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

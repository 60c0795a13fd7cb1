using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Workflows.Definitions;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Workflows;
using CityMgmt.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace CityMgmt.Web.Components.Pages.Admin.Workflows;

public partial class WorkflowDesigner
{
    private readonly string canvasId = "wf-" + Guid.NewGuid().ToString("N")[..8];
    private ElementReference canvas;
    private IJSObjectReference? module;
    private DotNetObjectReference<WorkflowDesigner>? self;
    private string? designerId;
    private StaffContext staff = null!;
    private WorkflowDefinition? definition;
    private IReadOnlyList<Category> categories = [];
    private ElementInfo? selected;
    private CheckReport? report;
    private string? loadError;
    private bool busy;
    private bool dirty;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private StaffSession Session { get; set; } = null!;

    [Inject]
    private WorkflowDefinitionService Definitions { get; set; } = null!;

    [Inject]
    private BaseDataQueries BaseData { get; set; } = null!;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        staff = await Session.RequireAsync();
        categories = await BaseData.CategoriesAsync();
        var loaded = await Definitions.GetAsync(staff, Id);
        definition = loaded.IsSuccess ? loaded.Value : null;
        loadError = loaded.IsSuccess ? null : loaded.Error.Message;
        if (designerId is not null && module is not null && definition is not null)
        {
            await module.InvokeAsync<string[]>("load", designerId, definition.BpmnXml);
            (selected, report, dirty) = (null, null, false);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (definition is null || designerId is not null)
        {
            return;
        }

        module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/workflow-designer.js");
        self ??= DotNetObjectReference.Create(this);
        designerId = canvasId;
        await module.InvokeAsync<string>("create", canvas, definition.BpmnXml, self);
    }

    [JSInvokable]
    public Task OnSelectionChanged(ElementInfo? element)
    {
        selected = element;
        return InvokeAsync(StateHasChanged);
    }

    [JSInvokable]
    public Task OnDiagramChanged()
    {
        dirty = true;
        return InvokeAsync(StateHasChanged);
    }

    private async Task ChangeAsync(ElementChange change)
    {
        if (module is null || designerId is null || selected is null || definition is not { IsEditable: true })
        {
            return;
        }

        selected = await module.InvokeAsync<ElementInfo?>("update", designerId, selected.Id, change);
        dirty = true;
    }

    private async Task SelectAsync(string elementId)
    {
        if (module is not null && designerId is not null)
        {
            selected = await module.InvokeAsync<ElementInfo?>("select", designerId, elementId);
        }
    }

    private async Task<string?> CurrentXmlAsync() =>
        module is null || designerId is null ? null : await module.InvokeAsync<string>("save", designerId);

    private async Task<bool> SaveAsync()
    {
        if (await CurrentXmlAsync() is not { } xml || definition is null)
        {
            return false;
        }

        busy = true;
        var saved = await Definitions.SaveDraftAsync(staff, definition.Id, xml);
        busy = false;
        if (saved.IsFailure)
        {
            Snackbar.Add(saved.Error.Message, Severity.Error);
            return false;
        }

        dirty = false;
        Snackbar.Add("草稿已保存", Severity.Success);
        return true;
    }

    private async Task CheckAsync()
    {
        if (await CurrentXmlAsync() is not { } xml)
        {
            return;
        }

        report = WorkflowDefinitionService.Check(xml);
        await MarkAsync();
        Snackbar.Add(report.CanPublish ? "校验通过，可以发布" : "校验未通过，请修正标红的元素", report.CanPublish ? Severity.Success : Severity.Warning);
    }

    private async Task PublishAsync()
    {
        if (definition is null || !await SaveAsync())
        {
            return;
        }

        await CheckAsync();
        if (report is not { CanPublish: true })
        {
            return;
        }

        var published = await Definitions.PublishAsync(staff, definition.Id);
        if (published.IsFailure)
        {
            Snackbar.Add(published.Error.Message, Severity.Error);
            return;
        }

        Snackbar.Add($"第{definition.VersionNumber}版已发布，新上报的案件将按此版本流转", Severity.Success);
        await OnParametersSetAsync();
    }

    private async Task NewDraftAsync()
    {
        var draft = await Definitions.DraftFromAsync(staff, Id);
        if (draft.IsFailure)
        {
            Snackbar.Add(draft.Error.Message, Severity.Error);
            return;
        }

        Navigation.NavigateTo($"/admin/workflows/{draft.Value}");
    }

    private async Task MarkAsync()
    {
        if (module is not null && designerId is not null && report is not null)
        {
            await module.InvokeVoidAsync("mark", designerId, report.Problems.Select(p => p.ElementId).Distinct().ToArray());
        }
    }

    private static string StatusName(WorkflowDefinitionStatus status) => status switch
    {
        WorkflowDefinitionStatus.Draft => "草稿",
        WorkflowDefinitionStatus.Published => "已发布",
        _ => "已停用",
    };

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (module is not null)
            {
                if (designerId is not null)
                {
                    await module.InvokeVoidAsync("dispose", designerId);
                }

                await module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; the browser dropped the page already.
        }

        self?.Dispose();
        GC.SuppressFinalize(this);
    }
}

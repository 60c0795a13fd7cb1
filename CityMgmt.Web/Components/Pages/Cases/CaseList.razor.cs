using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Infrastructure.Calendar;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Web.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CityMgmt.Web.Components.Pages.Cases;

/// <summary>案件查询: filters in the query string's spirit (?status=InDisposal, ?open=1), paged in the database within the user's scope.</summary>
public sealed partial class CaseList : IDisposable
{
    private const int PageSize = 20;
    private const string OpenKey = "open";

    private StaffContext? staff;
    private WorkingCalendar? calendar;
    private MudTable<CaseRow>? table;
    private int total;
    private (string?, string?)? appliedQuery;
    private List<CategoryGroup> categoryGroups = [];
    private Dictionary<Guid, string> categoryNames = [];

    private string? number;
    private string? numberError;
    private string? keyword;
    private string? statusKey;
    private CaseSource? source;
    private Guid? categoryId;
    private DateTime? from;
    private DateTime? to;

    [Inject]
    private StaffSession Session { get; set; } = null!;

    [Inject]
    private CaseQueries Queries { get; set; } = null!;

    [Inject]
    private BaseDataQueries BaseData { get; set; } = null!;

    [Inject]
    private CalendarProvider Calendars { get; set; } = null!;

    /// <summary>A status name such as InDisposal, preselected (links from the dashboard).</summary>
    [SupplyParameterFromQuery(Name = "status")]
    public string? StatusQuery { get; set; }

    /// <summary>"1": all cases not yet final (在办案件).</summary>
    [SupplyParameterFromQuery(Name = "open")]
    public string? OpenQuery { get; set; }

    [Inject]
    private CaseChangeNotifier Changes { get; set; } = null!;

    public void Dispose() => Changes.Changed -= OnCaseChanged;

    // Another user changed a case: the current page of the list is read again (same filters, same page).
    private void OnCaseChanged(Guid caseId) => _ = InvokeAsync(async () =>
    {
        if (table is not null)
        {
            await table.ReloadServerData();
        }
    });

    protected override async Task OnInitializedAsync()
    {
        Changes.Changed += OnCaseChanged;
        calendar = await Calendars.GetAsync();
        var categories = await BaseData.CategoriesAsync();
        var majors = categories.Where(c => !c.IsMinor).ToDictionary(c => (c.Kind, c.MajorCode), c => c.Name);
        var minors = categories.Where(c => c.IsMinor).ToList();
        categoryNames = minors.ToDictionary(c => c.Id, c => $"{c.FullCode} {c.Name}");
        categoryGroups = minors.GroupBy(c => (c.Kind, c.MajorCode))
            .Select(g => new CategoryGroup($"{g.Key.Kind.DisplayName()} · {g.Key.MajorCode} {majors.GetValueOrDefault(g.Key)}", [.. g]))
            .ToList();
        staff = await Session.RequireAsync();
    }

    protected override async Task OnParametersSetAsync()
    {
        // The same page instance receives new query values when a dashboard link is followed from here.
        if (appliedQuery == (StatusQuery, OpenQuery))
        {
            return;
        }

        appliedQuery = (StatusQuery, OpenQuery);
        statusKey = OpenQuery == "1" ? OpenKey
            : Enum.TryParse<CaseStatus>(StatusQuery, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status.ToString() : null;
        if (table is not null)
        {
            await ReloadFromFirstPageAsync();
        }
    }

    private async Task<TableData<CaseRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        if (staff is null || numberError is not null)
        {
            total = 0;
            return new TableData<CaseRow> { Items = [], TotalItems = 0 };
        }

        var (rows, count) = await Queries.SearchAsync(staff, BuildSearch(state.Page, state.PageSize), ct);
        total = count;
        return new TableData<CaseRow> { Items = rows, TotalItems = count };
    }

    private CaseSearch BuildSearch(int page, int size) => new(
        Number: number,
        Text: keyword,
        Status: statusKey is null or OpenKey ? null : Enum.Parse<CaseStatus>(statusKey),
        Source: source,
        CategoryId: categoryId,
        From: from is { } f ? DateOnly.FromDateTime(f) : null,
        To: to is { } t ? DateOnly.FromDateTime(t) : null,
        Page: page,
        PageSize: size,
        OpenOnly: statusKey == OpenKey);

    private async Task SearchAsync()
    {
        numberError = CaseQueries.CheckNumber(number)?.Message;
        await ReloadFromFirstPageAsync();
    }

    private async Task ResetAsync()
    {
        (number, numberError, keyword, statusKey, source, categoryId, from, to) = (null, null, null, null, null, null, null, null);
        await ReloadFromFirstPageAsync();
    }

    private async Task ReloadFromFirstPageAsync()
    {
        if (table is null)
        {
            return;
        }

        table.NavigateTo(Page.First);
        await table.ReloadServerData();
    }

    private static string StatusText(string? key) =>
        key switch
        {
            null => string.Empty,
            OpenKey => "全部在办（未结案）",
            _ => Enum.TryParse<CaseStatus>(key, out var s) ? s.DisplayName() : key,
        };

    private string CategoryText(Guid? id) => id is { } value ? categoryNames.GetValueOrDefault(value, string.Empty) : string.Empty;

    private sealed record CategoryGroup(string Title, IReadOnlyList<Category> Items);
}

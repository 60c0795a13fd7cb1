using System.Globalization;
using CityMgmt.Domain.Calendar;
using CityMgmt.Infrastructure.Organisation;
using MudBlazor;

namespace CityMgmt.Web.Components.Pages.Admin;

public partial class CalendarPage
{
    private static readonly string[] Weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    private StaffContext? staff;
    private int year;
    private List<CalendarDay>? days;
    private DateTime? newDate;
    private CalendarDayKind newKind = CalendarDayKind.Holiday;
    private string? newName;
    private bool saving;

    private IEnumerable<int> Years => Enumerable.Range(CurrentYear - 3, 7).Append(year).Distinct().Order();

    private int CurrentYear => TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), WorkingCalendar.ChinaTimeZone).Year;

    private string Summary =>
        $"{year}年：节假日 {days!.Count(d => d.Kind == CalendarDayKind.Holiday)} 天，调休上班 {days!.Count(d => d.Kind == CalendarDayKind.MakeupWorkday)} 天";

    protected override async Task OnInitializedAsync()
    {
        staff = await Session.RequireAsync();
        year = CurrentYear;
        await LoadAsync();
    }

    private static string WeekdayName(DayOfWeek day) => Weekdays[(int)day];

    private static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string KindName(CalendarDayKind kind) => kind == CalendarDayKind.Holiday ? "法定节假日" : "调休上班";

    private async Task LoadAsync() => days = await CalendarAdmin.ListAsync(year);

    private async Task ChangeYearAsync(int value)
    {
        year = value;
        await LoadAsync();
    }

    private async Task AddAsync()
    {
        if (newDate is not { } picked)
        {
            Snackbar.Add("请选择日期", Severity.Error);
            return;
        }

        saving = true;
        try
        {
            var date = DateOnly.FromDateTime(picked);
            var result = await CalendarAdmin.AddAsync(staff!, date, newKind, newName ?? string.Empty);
            if (result.IsFailure)
            {
                Snackbar.Add(result.Error.Message, Severity.Error);
                return;
            }

            Snackbar.Add($"已添加 {DateText(date)} {KindName(newKind)}", Severity.Success);
            (newDate, year) = (null, date.Year);
            await LoadAsync();
        }
        finally
        {
            saving = false;
        }
    }

    private async Task RemoveAsync(CalendarDay day)
    {
        var text = $"确定删除 {DateText(day.Date)}（{KindName(day.Kind)}：{day.Name}）吗？删除后该日按普通{WeekdayName(day.Date.DayOfWeek)}计算是否上班。";
        if (await Dialogs.ShowMessageBoxAsync("删除日期设置", text, yesText: "删除", cancelText: "取消") != true)
        {
            return;
        }

        var result = await CalendarAdmin.RemoveAsync(staff!, day.Id);
        if (result.IsFailure)
        {
            Snackbar.Add(result.Error.Message, Severity.Error);
        }
        else
        {
            Snackbar.Add("已删除", Severity.Success);
        }

        await LoadAsync();
    }
}

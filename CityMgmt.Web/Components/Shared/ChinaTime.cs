using System.Globalization;
using CityMgmt.Domain.Calendar;

namespace CityMgmt.Web.Components.Shared;

/// <summary>Shows stored UTC instants on the China wall clock, the way every page lists times.</summary>
public static class ChinaTime
{
    public static string Format(DateTimeOffset? instant) => instant is { } value
        ? TimeZoneInfo.ConvertTime(value, WorkingCalendar.ChinaTimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
        : "—";
}

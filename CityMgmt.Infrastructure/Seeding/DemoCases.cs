using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Components;
using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Grids;
using CityMgmt.Infrastructure.Cases;

namespace CityMgmt.Infrastructure.Seeding;

/// <summary>
/// Historical demo cases over the last 90 days, walked through the real aggregate transitions so their
/// timelines, deadlines and statuses are what the loop would have produced. Steps later than now are not taken.
/// </summary>
internal sealed class DemoCases(
    WorkingCalendar calendar,
    StageLimitOptions stages,
    IReadOnlyDictionary<string, Actor> actors,
    Random random,
    DateTimeOffset now)
{
    private static readonly (CaseSource Source, int Weight)[] Sources =
    [
        (CaseSource.SupervisorReport, 55), (CaseSource.Citizen, 10), (CaseSource.Hotline, 12), (CaseSource.Video, 12),
        (CaseSource.UpperAssignment, 3), (CaseSource.Media, 2), (CaseSource.SelfHandled, 6),
    ];

    private readonly Dictionary<DateOnly, int> _counters = [];

    public IReadOnlyDictionary<DateOnly, int> Counters => _counters;

    public IEnumerable<CityCase> Generate(
        int count, IReadOnlyList<UnitGrid> grids, IReadOnlyList<Category> eventClasses,
        IReadOnlyDictionary<Guid, Category> classesById, IReadOnlyList<CityComponent> components)
    {
        var reportTimes = Enumerable.Range(0, count).Select(_ => ReportTime()).Order().ToList();
        foreach (var reportedAt in reportTimes)
        {
            var useComponent = random.Next(100) < 35 && components.Count > 0;
            var component = useComponent ? components[random.Next(components.Count)] : null;
            var category = component is not null ? classesById[component.CategoryId] : eventClasses[random.Next(eventClasses.Count)];
            var grid = component is not null ? grids.First(g => g.Id == component.GridId) : grids[random.Next(grids.Count)];
            var point = component?.Shape?.Centroid ?? GeoConstants.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(
                grid.MinX + ((grid.MaxX - grid.MinX) * random.NextDouble()), grid.MinY + ((grid.MaxY - grid.MinY) * random.NextDouble())));
            var source = PickSource();
            var report = new NewCaseReport(
                source,
                category.Id,
                new GeoPoint(point.X, point.Y),
                $"{DemoLayout.RoadNames[random.Next(DemoLayout.RoadNames.Length)]}{random.Next(1, 300)}号附近",
                Describe(category, source),
                new CaseLocation(grid.Id, grid.Code.Value, grid.CommunityId, grid.StreetId),
                component?.Id,
                source is CaseSource.Hotline or CaseSource.Citizen ? "市民" + "张王李赵刘陈"[random.Next(6)] + "先生" : null,
                source is CaseSource.Hotline or CaseSource.Citizen ? $"13{random.Next(100_000_000, 999_999_999)}" : null,
                source == CaseSource.Hotline && random.Next(2) == 0);
            var reporter = source is CaseSource.SupervisorReport or CaseSource.SelfHandled ? actors["Supervisor"] : actors["Operator"];
            var item = CityCase.Report(report, NextNumber(reportedAt), category, reporter, reportedAt).Value;
            Walk(item, category, component?.OwnerDepartmentId ?? category.DefaultDepartmentId, reportedAt);
            yield return item;
        }
    }

    private void Walk(CityCase item, Category category, Guid? department, DateTimeOffset t)
    {
        if (!Next(ref t, 2, 20) || item.Register(actors["Operator"], t, t + stages.Verification).IsFailure)
        {
            return;
        }

        if (item.Source == CaseSource.SelfHandled)
        {
            _ = Next(ref t, 10, 120) && item.Close(actors["ShiftLeader"], t, ClosingKind.Normal, "监督员自行处置，审核通过").IsSuccess;
            return;
        }

        if (item.Status == CaseStatus.PendingVerification)
        {
            if (!Next(ref t, 5, 40))
            {
                return;
            }

            if (random.Next(100) < 6)
            {
                item.RejectFiling(actors["ShiftLeader"], t, "经核实，现场无此问题");
                return;
            }

            item.ConfirmVerification(actors["Supervisor"], t, t + stages.FilingNormal, "现场核实属实");
        }

        if (!Next(ref t, 3, 30))
        {
            return;
        }

        if (random.Next(100) < 3)
        {
            item.Cancel(actors["ShiftLeader"], t, "重复上报，作废");
            return;
        }

        item.File(actors["ShiftLeader"], t, t + stages.DispatchNormal, category.FilingCondition);
        if (!Next(ref t, 3, 40) || department is null)
        {
            return;
        }

        var limit = category.DisposalLimit ?? new TimeLimit(5, TimeLimitUnit.WorkingDays);
        item.Dispatch(actors["Dispatcher"], t, department.Value, calendar.AddTimeLimit(t, limit));
        if (random.Next(100) < 8)
        {
            return; // a department that never reported back: these become the overdue cases
        }

        var rework = random.Next(100) < 10;
        for (var round = 0; round <= (rework ? 1 : 0); round++)
        {
            // Departments use 30 %–130 % of their limit: some finish late.
            var used = new TimeLimit(Math.Max(0.1m, Math.Round(limit.Value * (decimal)(0.3 + random.NextDouble()), 2)), limit.Unit);
            var done = calendar.AddTimeLimit(t, used);
            if (done > now)
            {
                return;
            }

            t = done;
            item.ReportDisposal(actors["Handler"], t, t + stages.Check, "已处置完毕，附处置后照片");
            if (!Next(ref t, 10, 60))
            {
                return;
            }

            if (round == 0 && rework)
            {
                item.FailCheck(actors["Supervisor"], t, "现场核查未处置到位，返工");
                continue;
            }

            item.PassCheck(actors["Supervisor"], t, t + stages.Close, "现场核查已处置");
        }

        _ = item.Status == CaseStatus.PendingClose && Next(ref t, 5, 60)
            && item.Close(actors["ShiftLeader"], t, ClosingKind.Normal, category.ClosingCondition).IsSuccess;
    }

    private bool Next(ref DateTimeOffset t, int minMinutes, int maxMinutes)
    {
        var next = calendar.AddWorkingTime(t, TimeSpan.FromMinutes(random.Next(minMinutes, maxMinutes)));
        if (next > now)
        {
            return false;
        }

        t = next;
        return true;
    }

    private DateTimeOffset ReportTime()
    {
        // Most reports come in during the day shift (China time 07:00–20:00).
        var day = now.AddDays(-random.Next(0, 90));
        var china = TimeZoneInfo.ConvertTime(day, calendar.TimeZone);
        var localDate = new DateTimeOffset(china.Year, china.Month, china.Day, 0, 0, 0, china.Offset);
        var at = localDate.AddMinutes(random.Next(7 * 60, 20 * 60)).ToUniversalTime();
        return at < now ? at : now.AddMinutes(-random.Next(5, 600));
    }

    private CaseNumber NextNumber(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, calendar.TimeZone).Date);
        _counters[day] = _counters.GetValueOrDefault(day) + 1;
        return CaseNumber.Create(day, _counters[day]).Value;
    }

    private CaseSource PickSource()
    {
        var roll = random.Next(Sources.Sum(s => s.Weight));
        foreach (var (source, weight) in Sources)
        {
            if ((roll -= weight) < 0)
            {
                return source;
            }
        }

        return CaseSource.SupervisorReport;
    }

    private static string Describe(Category category, CaseSource source) => source switch
    {
        CaseSource.Hotline => $"市民来电反映：{category.Name}问题，请尽快处理。",
        CaseSource.Video => $"视频监控发现疑似{category.Name}，请核实。",
        _ => $"巡查发现{category.Name}：{(category.FilingCondition ?? "现场存在问题").Split('，', '；')[0]}。",
    };
}

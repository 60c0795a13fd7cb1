using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Workflows.Execution;
using CityMgmt.Domain.Workflows.Model;
using static CityMgmt.Tests.Domain.Workflows.WorkflowKit;

namespace CityMgmt.Tests.Domain.Workflows;

/// <summary>Due instants over the working calendar (08:00–12:00, 14:00–18:00, Monday–Friday, China time).</summary>
public class DueDateTests
{
    private static readonly TimeLimit FourHours = new(4, TimeLimitUnit.WorkingHours);

    [Fact]
    public void Task_HalfWorkingHourOpenedBeforeLunch_IsDueAfterLunch()
    {
        var engine = Engine(Linear().Replace("""cm:role="Operator" """, """cm:role="Operator" cm:limit="0.5 WorkingHours" """, StringComparison.Ordinal));

        var opened = engine.Start(Vars(), Context(Cn("2026-03-02 11:50"))).Ok().Of<TaskOpened>().Single();

        opened.DueAt.ShouldBe(Cn("2026-03-02 14:20"));
        opened.Limit.ShouldBe(new TimeLimit(0.5m, TimeLimitUnit.WorkingHours));
    }

    [Theory]
    [InlineData("0.8", "2026-03-02 10:00", "2026-03-02 15:12")] // 3 h 12 min of working time, lunch skipped
    [InlineData("1.0", "2026-03-02 10:00", "2026-03-02 16:00")]
    [InlineData("0.5", "2026-03-02 17:00", "2026-03-03 09:00")] // over the night
    [InlineData("1.5", "2026-03-06 16:00", "2026-03-09 12:00")] // Friday → Monday
    public void Timer_FractionOfWorkingHours_CountsWorkingTime(string fraction, string opened, string due) =>
        DueDates.Timer(TimerDuration.ParseFraction(fraction).Value, FourHours, Context(Cn(opened))).ShouldBe(Cn(due));

    [Fact]
    public void Timer_FractionOfUrgentHours_CountsNaturalTime() =>
        DueDates.Timer(new FractionOfTaskLimit(0.8m), new TimeLimit(2, TimeLimitUnit.UrgentHours), Context(Cn("2026-03-02 23:00"))).ShouldBe(Cn("2026-03-03 00:36"));

    [Fact]
    public void Timer_FractionOfWorkingDays_CountsADayAsEightWorkingHours() =>
        DueDates.Timer(new FractionOfTaskLimit(0.5m), new TimeLimit(1, TimeLimitUnit.WorkingDays), Context(Cn("2026-03-02 10:00"))).ShouldBe(Cn("2026-03-02 16:00"));

    [Fact]
    public void Timer_Holiday_IsSkipped()
    {
        var holiday = CalendarDay.Create(new DateOnly(2026, 3, 3), CalendarDayKind.Holiday, "测试假日").Value;
        var calendar = WorkingCalendar.WithDefaults([holiday]).Value;
        var context = EngineContext.WithCounter(Cn("2026-03-02 17:00"), calendar);

        DueDates.Timer(new LimitDuration(new TimeLimit(2, TimeLimitUnit.WorkingHours)), null, context).ShouldBe(Cn("2026-03-04 09:00"));
    }

    [Fact]
    public void Timer_FractionWithoutTaskLimit_IsABug() =>
        Should.Throw<InvalidOperationException>(() => DueDates.Timer(new FractionOfTaskLimit(1m), null, Context()));

    [Fact]
    public void Due_Instants_AreUtc() =>
        DueDates.Task(FourHours, Context()).Offset.ShouldBe(TimeSpan.Zero);
}

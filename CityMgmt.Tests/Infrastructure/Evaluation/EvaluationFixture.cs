using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Organisation;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Infrastructure.Evaluation;

/// <summary>
/// Three cases filed in June 2025 (no demo case is that old) and dispatched to 县市政设施管理所 (SZ), whose results
/// are worked out by hand in the tests: one closed, one disposed on time but reworked, one left overdue.
/// </summary>
internal static class EvaluationFixture
{
    public static readonly DateTimeOffset June10 = new(2025, 6, 10, 1, 0, 0, TimeSpan.Zero); // 09:00 China time
    public static readonly Actor Handler = new("demo-czry", "刘处置", StaffRole.Handler);
    public static readonly Actor Supervisor = new("demo-jdy", "张监督", StaffRole.Supervisor);
    public static readonly Actor ShiftLeader = new("demo-zbz", "王值班", StaffRole.ShiftLeader);

    public static async Task<Guid[]> SeedJuneAsync(TestServices services)
    {
        var closed = await TestCases.DispatchedAsync(services, "SZ", June10, 90_001);
        var reworked = await TestCases.DispatchedAsync(services, "SZ", June10.AddHours(1), 90_002);
        var overdue = await TestCases.DispatchedAsync(services, "SZ", June10.AddHours(2), 90_003);
        await using var db = services.NewDb();
        var one = await db.Cases.Include(c => c.History).SingleAsync(c => c.Id == closed.Id);
        var t = June10.AddHours(2); // dispatched at +20 min, deadline +4 h 20 min
        one.ReportDisposal(Handler, t, t.AddMinutes(30)).IsSuccess.ShouldBeTrue();
        one.PassCheck(Supervisor, t = t.AddMinutes(20), t.AddMinutes(30)).IsSuccess.ShouldBeTrue();
        one.Close(ShiftLeader, t.AddMinutes(10), ClosingKind.Normal).IsSuccess.ShouldBeTrue();

        var two = await db.Cases.Include(c => c.History).SingleAsync(c => c.Id == reworked.Id);
        t = June10.AddHours(3);
        two.ReportDisposal(Handler, t, t.AddMinutes(30)).IsSuccess.ShouldBeTrue();
        two.FailCheck(Supervisor, t.AddMinutes(20), "未清理干净").IsSuccess.ShouldBeTrue();
        await db.SaveChangesAsync();
        return [closed.Id, reworked.Id, overdue.Id];
    }
}

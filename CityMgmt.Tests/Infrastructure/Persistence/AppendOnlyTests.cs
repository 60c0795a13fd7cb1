using CityMgmt.Domain.Audit;
using CityMgmt.Domain.Cases;
using CityMgmt.Tests.Domain;
using CityMgmt.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Infrastructure.Persistence;

/// <summary>Histories and audits can only grow: the interceptor refuses changes and the database triggers back it up.</summary>
public class AppendOnlyTests
{
    [Fact]
    public async Task CaseHistory_ChangedThroughEf_IsRefusedAndNothingChanges()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var entry = await db.CaseHistory.OrderBy(h => h.At).FirstAsync();
        var original = entry.Comment;
        db.Entry(entry).Property(e => e.Comment).CurrentValue = "篡改";

        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        await using var fresh = services.NewDb();
        (await fresh.CaseHistory.SingleAsync(h => h.Id == entry.Id)).Comment.ShouldBe(original);
    }

    [Fact]
    public async Task CaseHistory_DeletedThroughEf_IsRefused()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        db.CaseHistory.Remove(await db.CaseHistory.FirstAsync());

        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [InlineData("UPDATE \"CaseHistory\" SET \"Comment\" = 'x'")]
    [InlineData("DELETE FROM \"CaseHistory\"")]
    [InlineData("UPDATE \"LoginAudit\" SET \"UserName\" = 'x'")]
    [InlineData("DELETE FROM \"AdminAudit\"")]
    public async Task AppendOnlyTables_RawSqlChange_IsAbortedByTheDatabase(string sql)
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        db.LoginAudit.Add(new LoginAuditEntry(DateTimeOffset.UtcNow, LoginEventKind.Success, "jdy", null, null, null));
        db.AdminAudit.Add(new AdminAuditEntry(DateTimeOffset.UtcNow, "demo-admin", "系统管理员", "新建用户", "x", null));
        await db.SaveChangesAsync();
        var before = await db.CaseHistory.CountAsync() + await db.LoginAudit.CountAsync() + await db.AdminAudit.CountAsync();

        var error = await Should.ThrowAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync(sql));

        error.Message.ShouldContain("append-only");
        (await db.CaseHistory.CountAsync() + await db.LoginAudit.CountAsync() + await db.AdminAudit.CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task CaseHistory_NewStepOnLoadedCase_IsAppendedWithTheNextSequence()
    {
        await using var services = await TestServices.FromTemplateAsync();
        Guid id = (await TestCases.DispatchedAsync(services, "SZ", DateTimeOffset.UtcNow.AddHours(-1), 90_001)).Id;
        await using (var db = services.NewDb())
        {
            var item = await db.Cases.SingleAsync(c => c.Id == id);
            var count = item.HistoryCount;
            item.Cancel(Builders.Leader, DateTimeOffset.UtcNow, "重复上报").IsSuccess.ShouldBeTrue();
            await db.SaveChangesAsync();
            count.ShouldBeGreaterThan(0);
        }

        await using var check = services.NewDb();
        var history = await check.CaseHistory.Where(h => h.CaseId == id).OrderBy(h => h.Sequence).ToListAsync();
        history.Select(h => h.Sequence).ShouldBe(Enumerable.Range(1, history.Count));
        history.Last().Action.ShouldBe(CaseAction.Cancelled);
    }
}

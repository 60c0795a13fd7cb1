using System.Data.Common;
using CityMgmt.Domain.Evaluation;

namespace CityMgmt.Infrastructure.Evaluation;

/// <summary>
/// The counts the centre posts' history lines cannot give (domain.md §5):
/// <list type="bullet">
/// <item>监督员 漏报数 and its denominator 立案数: the cases filed (立案) in the period in the unit grids of the supervisor's
/// 责任网格, and among them the public reports (citizen, hotline, video, media) that a 核实 confirmed and that were not
/// cancelled — problems in his grids that someone else found first. Grids are matched by today's assignment.</item>
/// <item>受理员 核实派发数: a 受理 that sent the report to 核实 (its line moves the case to 待核实); on time when it came within
/// the verification limit of the previous line, like the other post steps.</item>
/// </list>
/// </summary>
internal static class GridResponsibilityQuery
{
    public static async Task<Dictionary<string, (long Filed, long Missed)>> SupervisorsAsync(DbConnection connection, HistorySql sql, EvaluationPeriod period, CancellationToken ct)
    {
        var result = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            WITH cohort AS (SELECT DISTINCT CaseId FROM CaseHistory WHERE Action = 'Filed' AND At >= @start AND At < @end)
            SELECT r.SupervisorUserId, COUNT(*),
              SUM(CASE WHEN c.Source NOT IN ('SupervisorReport', 'SelfHandled')
                    AND EXISTS (SELECT 1 FROM CaseHistory v WHERE v.CaseId = c.Id AND v.Action = 'Verified' AND v.At < @end)
                    AND NOT EXISTS (SELECT 1 FROM CaseHistory x WHERE x.CaseId = c.Id AND x.Action = 'Cancelled' AND x.At < @end)
                  THEN 1 ELSE 0 END)
            FROM cohort
            JOIN Cases c ON c.Id = cohort.CaseId
            JOIN Grids g ON g.Id = c.GridId
            JOIN ResponsibilityGrids r ON r.Id = g.ResponsibilityGridId
            WHERE r.SupervisorUserId IS NOT NULL
            GROUP BY r.SupervisorUserId
            """;
        StaffCountQuery.AddPeriod(command, sql, period);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));
        }

        return result;
    }

    public static async Task<Dictionary<(string ActorId, string Role), (long Sent, long OnTime)>> VerificationSendsAsync(
        DbConnection connection, HistorySql sql, EvaluationPeriod period, TimeSpan limit, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), (long, long)>();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT h.ActorId, h.ActorRole, COUNT(*),
              SUM(CASE WHEN p.At IS NOT NULL AND {sql.Elapsed("p.At", "h.At")} <= @limit THEN 1 ELSE 0 END)
            FROM CaseHistory h
            LEFT JOIN CaseHistory p ON p.CaseId = h.CaseId AND p.Sequence = h.Sequence - 1
            WHERE h.At >= @start AND h.At < @end AND h.Action = 'Registered' AND h.ToStatus = 'PendingVerification'
            GROUP BY h.ActorId, h.ActorRole
            """;
        StaffCountQuery.AddPeriod(command, sql, period);
        HistorySql.Add(command, "@limit", limit.Ticks);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result[(reader.GetString(0), reader.GetString(1))] = (reader.GetInt64(2), reader.GetInt64(3));
        }

        return result;
    }
}

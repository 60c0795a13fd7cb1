namespace CityMgmt.Infrastructure.Persistence;

/// <summary>Tables whose rows may be inserted but never updated or deleted; guarded by triggers in each provider's migration.</summary>
internal static class AppendOnlyTables
{
    public static readonly string[] Names = ["CaseHistory", "LoginAudit", "AdminAudit", "ComponentChanges", "EvaluationRuns", "EvaluationResults", "EvaluationFormulaSets", "EvaluationDeductions", "EvaluationDeductionRevocations"];

    /// <summary>The evaluation snapshot tables (issue 6): a published result is never changed.</summary>
    public static readonly string[] Evaluation = ["EvaluationRuns", "EvaluationResults", "EvaluationFormulaSets"];

    /// <summary>扣分 and their revocations: a deduction is withdrawn by a revocation row, never edited or deleted.</summary>
    public static readonly string[] Deductions = ["EvaluationDeductions", "EvaluationDeductionRevocations"];

    /// <summary>The tables each guard migration added (earlier migrations must keep producing the same SQL).</summary>
    public static readonly string[] Initial = ["CaseHistory", "LoginAudit", "AdminAudit"];

    public static IEnumerable<string> SqliteGuards(params string[] tables) =>
        tables.SelectMany(t => new[] { "UPDATE", "DELETE" }.Select(op =>
            $"CREATE TRIGGER \"trg_{t}_no_{op.ToLowerInvariant()}\" BEFORE {op} ON \"{t}\" BEGIN SELECT RAISE(ABORT, '{t} is append-only'); END;"));

    public static IEnumerable<string> SqliteDrops(params string[] tables) =>
        tables.SelectMany(t => new[] { "update", "delete" }.Select(op => $"DROP TRIGGER IF EXISTS \"trg_{t}_no_{op}\";"));

    // EXEC keeps CREATE TRIGGER first in its batch inside the idempotent script's IF blocks.
    public static IEnumerable<string> SqlServerGuards(params string[] tables) =>
        tables.Select(t =>
            $"EXEC(N'CREATE TRIGGER [dbo].[trg_{t}_append_only] ON [dbo].[{t}] INSTEAD OF UPDATE, DELETE AS BEGIN THROW 50001, N''{t} is append-only'', 1; END');");

    public static IEnumerable<string> SqlServerDrops(params string[] tables) =>
        tables.Select(t => $"DROP TRIGGER IF EXISTS [dbo].[trg_{t}_append_only];");
}

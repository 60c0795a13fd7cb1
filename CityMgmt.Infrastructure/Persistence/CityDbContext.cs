using CityMgmt.Domain.Audit;
using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Components;
using CityMgmt.Domain.Divisions;
using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Evaluation.Runs;
using CityMgmt.Domain.Exports;
using CityMgmt.Domain.Geocoding;
using CityMgmt.Domain.Grids;
using CityMgmt.Domain.Organisation;
using CityMgmt.Domain.Workflows.Definitions;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Persistence;

/// <summary>
/// The one model of CityMgmt. Each provider has a derived context that owns its migrations
/// (ADR 0002). Create contexts with <c>IDbContextFactory&lt;CityDbContext&gt;</c>, one per operation.
/// </summary>
/// <remarks>
/// Add a migration for both providers (from the repository root):
/// <code>
/// dotnet ef migrations add &lt;Name&gt; -p CityMgmt.Infrastructure -s CityMgmt.Infrastructure -c SqliteCityDbContext -o Persistence/Migrations/Sqlite
/// dotnet ef migrations add &lt;Name&gt; -p CityMgmt.Infrastructure -s CityMgmt.Infrastructure -c SqlServerCityDbContext -o Persistence/Migrations/SqlServer
/// database/generate-scripts.sh
/// </code>
/// </remarks>
public abstract class CityDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options)
{
    /// <summary>Name written into who-columns by the auditing interceptor; set by the factory.</summary>
    public string AuditUserName { get; set; } = "system";

    /// <summary>On SQLite, the connection that workflow steps borrow for their transaction (ADR 0018); set by the pool's holder.</summary>
    internal SqliteStepConnection? StepConnection { get; set; }

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();

    public DbSet<AdminDivision> Divisions => Set<AdminDivision>();

    public DbSet<UnitGrid> Grids => Set<UnitGrid>();

    public DbSet<ResponsibilityGrid> ResponsibilityGrids => Set<ResponsibilityGrid>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<CityComponent> Components => Set<CityComponent>();

    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    public DbSet<CityCase> Cases => Set<CityCase>();

    public DbSet<CaseHistoryEntry> CaseHistory => Set<CaseHistoryEntry>();

    public DbSet<CaseAttachment> CaseAttachments => Set<CaseAttachment>();

    public DbSet<CaseNumberCounter> CaseNumberCounters => Set<CaseNumberCounter>();

    public DbSet<ReportReceipt> ReportReceipts => Set<ReportReceipt>();

    public DbSet<LoginAuditEntry> LoginAudit => Set<LoginAuditEntry>();

    public DbSet<AdminAuditEntry> AdminAudit => Set<AdminAuditEntry>();

    public DbSet<AppSetting> Settings => Set<AppSetting>();

    public DbSet<GazetteerEntry> Gazetteer => Set<GazetteerEntry>();

    public DbSet<ComponentChange> ComponentChanges => Set<ComponentChange>();

    public DbSet<WorkflowDefinition> WorkflowDefinitions => Set<WorkflowDefinition>();

    public DbSet<WorkflowInstance> WorkflowInstances => Set<WorkflowInstance>();

    public DbSet<WorkflowTask> WorkflowTasks => Set<WorkflowTask>();

    public DbSet<WorkflowTimer> WorkflowTimers => Set<WorkflowTimer>();

    public DbSet<EvaluationRun> EvaluationRuns => Set<EvaluationRun>();

    public DbSet<EvaluationResultRow> EvaluationResults => Set<EvaluationResultRow>();

    public DbSet<SavedFormulaSet> EvaluationFormulaSets => Set<SavedFormulaSet>();

    public DbSet<ExportJob> ExportJobs => Set<ExportJob>();

    public DbSet<FormulaDraft> EvaluationFormulaDrafts => Set<FormulaDraft>();

    public DbSet<DeductionItem> EvaluationDeductions => Set<DeductionItem>();

    public DbSet<DeductionRevocation> EvaluationDeductionRevocations => Set<DeductionRevocation>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CityDbContext).Assembly);
    }
}

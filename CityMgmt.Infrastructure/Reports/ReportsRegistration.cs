using CityMgmt.Domain.Exports;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Reports.Exports;
using CityMgmt.Infrastructure.Reports.Pdf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CityMgmt.Infrastructure.Reports;

public static class ReportsRegistration
{
    /// <summary>
    /// The PDF renderer, the CJK font resolver and background exports
    /// (durable jobs in ExportJobs, files under <c>{Database:DataFolder}/exports</c>). Configuration section "Reports", see <see cref="ReportOptions"/>.
    /// </summary>
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.Section));
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<ReportFontResolver>();
        services.AddSingleton<PdfReportRenderer>();
        services.AddSingleton(sp =>
        {
            var reports = sp.GetRequiredService<IOptions<ReportOptions>>().Value;
            var contentRoot = sp.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
            // Read like AddInfrastructure reads it, so the order of the two registrations does not matter.
            var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
            var folder = Path.Combine(database.ResolveDataFolder(contentRoot), "exports");
            Directory.CreateDirectory(folder);
            return new ExportJobsSettings(folder, reports.ExportRetention, reports.MaxConcurrentExports);
        });
        services.AddSingleton<ExportSignal>();
        services.AddSingleton<ExportNotifier>();
        services.AddScoped<ExportQueue>();
        services.AddSingleton<IExportWriter, CaseListExport>();
        services.AddSingleton<IExportWriter>(new EvaluationReportExport(ExportKind.EvaluationExcel));
        services.AddSingleton<IExportWriter>(new EvaluationReportExport(ExportKind.EvaluationPdf));
        services.AddSingleton<ExportWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ExportWorker>());
        services.AddHostedService<ExportCleanupService>();
        return services;
    }
}

using System.Text;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Workflows;

namespace CityMgmt.Web.Endpoints;

internal static class WorkflowEndpoints
{
    public static void MapWorkflowEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Download a version as a .bpmn file (administrators only; the service re-checks the role).
        endpoints.MapGet("/api/workflows/{id:guid}/export", async (Guid id, HttpContext context, UserDirectory users, WorkflowDefinitionService definitions) =>
        {
            var staff = await users.GetAsync(context.User);
            if (staff is null || !staff.IsInRole(StaffRole.Admin))
            {
                return Results.Forbid();
            }

            var definition = await definitions.GetAsync(staff, id);
            return definition.IsFailure
                ? Results.NotFound(definition.Error.Message)
                : Results.File(Encoding.UTF8.GetBytes(definition.Value.BpmnXml), "application/xml", $"{definition.Value.Key}-v{definition.Value.VersionNumber}.bpmn");
        }).RequireAuthorization(p => p.RequireRole(StaffRole.Admin));
    }
}

using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Organisation;

namespace CityMgmt.Web.Endpoints;

internal static class CaseAttachmentEndpoints
{
    public static void MapCaseAttachmentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A case photo, only for users who may see the case (role and data scope, as on the case page).
        endpoints.MapGet("/api/cases/{caseId:guid}/attachments/{id:guid}", async (Guid caseId, Guid id, HttpContext context, UserDirectory users, CaseQueries cases, AttachmentStore store) =>
        {
            var staff = await users.GetAsync(context.User);
            if (staff is null)
            {
                return Results.Forbid();
            }

            var detail = await cases.GetAsync(staff, caseId);
            var file = detail.IsSuccess ? detail.Value.Case.Attachments.FirstOrDefault(a => a.Id == id) : null;
            if (file is null || store.Find(file.ContentHash) is not { } path)
            {
                return Results.NotFound("附件不存在或无权查看");
            }

            context.Response.Headers.CacheControl = "private, max-age=3600";
            context.Response.Headers["X-Content-Type-Options"] = "nosniff";
            return Results.File(path, file.ContentType);
        }).RequireAuthorization();
    }
}

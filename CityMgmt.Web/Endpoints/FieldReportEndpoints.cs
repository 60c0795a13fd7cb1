using System.Globalization;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Field;
using CityMgmt.Infrastructure.Organisation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace CityMgmt.Web.Endpoints;

/// <summary>
/// 问题上报 from the phone's draft (ADR 0012): the page's script posts the draft kept in the browser here,
/// with the signed-in cookie and an antiforgery token, whether or not the Blazor circuit is connected.
/// </summary>
internal static class FieldReportEndpoints
{
    private const long FormAllowance = 64 * 1024;

    public static void MapFieldReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/field/reports").RequireAuthorization(p => p.RequireRole(StaffRole.Supervisor));

        // A fresh token just before each send: the page may have been open (and offline) for hours.
        group.MapGet("/token", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Ok(new { header = tokens.HeaderName, token = tokens.RequestToken });
        });
        group.MapPost("/", SendAsync);
    }

    private static async Task<IResult> SendAsync(
        HttpContext context, IAntiforgery antiforgery, UserDirectory users, AttachmentStore store, FieldReportService reports, CancellationToken ct)
    {
        // Bounded: at most 9 photos of the configured size plus the text fields.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = (store.MaxBytes * CityCase.MaxAttachmentsPerStage) + FormAllowance;
        }

        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Refused("页面已过期，请刷新页面后重新上报（草稿仍保存在本机）", StatusCodes.Status400BadRequest);
        }

        if (await users.GetAsync(context.User, ct) is not { } staff)
        {
            return Results.Forbid();
        }

        if (!context.Request.HasFormContentType)
        {
            return Refused("上报内容格式不正确", StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(ct);
        if (form.Files.Count > CityCase.MaxAttachmentsPerStage)
        {
            return Refused(CaseErrors.TooManyAttachments.Message);
        }

        var photos = new List<StoredFile>();
        foreach (var file in form.Files)
        {
            await using var stream = file.OpenReadStream();
            var saved = file.Length > store.MaxBytes ? AttachmentStore.TooLarge(store.MaxBytes) : await store.SaveAsync(stream, file.FileName, ct);
            if (saved.IsFailure)
            {
                return Refused($"{file.FileName}：{saved.Error.Message}");
            }

            photos.Add(saved.Value);
        }

        var draft = new FieldReport(
            Guid.TryParse(form["key"], out var key) ? key : Guid.Empty,
            Guid.TryParse(form["categoryId"], out var category) ? category : null,
            Number(form["longitude"]), Number(form["latitude"]),
            Guid.TryParse(form["componentId"], out var component) ? component : null,
            form["address"].ToString().Trim(), form["description"].ToString(), form["selfHandled"] == "true");
        var sent = await reports.SubmitAsync(staff, draft, photos, ct);
        return sent.IsSuccess ? Results.Ok(new { caseId = sent.Value.CaseId, number = sent.Value.CaseNumber }) : Refused(sent.Error.Message);
    }

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    private static IResult Refused(string message, int status = StatusCodes.Status422UnprocessableEntity) =>
        Results.Json(new { message }, statusCode: status);
}

using CityMgmt.Domain.Common;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Tests.Support;

namespace CityMgmt.Tests.Infrastructure.Cases;

/// <summary>Runs case actions as the demo users through the real service.</summary>
internal static class CaseActionKit
{
    public static async Task<Result> ActAsync(TestServices services, string user, Guid caseId, CaseActionKind kind, CaseActionInput? input = null, int? version = null) =>
        await services.Get<CaseActionService>().RunAsync(await services.StaffAsync(user), caseId, kind, input ?? CaseActionInput.Empty, version);

    public static async Task OkAsync(TestServices services, string user, Guid caseId, CaseActionKind kind, CaseActionInput? input = null)
    {
        var result = await ActAsync(services, user, caseId, kind, input);
        result.IsSuccess.ShouldBeTrue($"{user} {kind}: {(result.IsFailure ? result.Error.Message : null)}");
    }

    public static async Task<IReadOnlyList<CaseActionKind>> AvailableAsync(TestServices services, string user, Guid caseId) =>
        (await services.Get<CaseActionService>().AvailableAsync(await services.StaffAsync(user), caseId)).Select(s => s.Kind).ToList();
}

using CityMgmt.Domain.Workflows.Model;

namespace CityMgmt.Web.Components.Pages.Field;

internal static class FieldFormat
{
    /// <summary>"350米", "1.2公里".</summary>
    public static string Distance(double metres) => metres < 1000 ? $"{metres:0}米" : $"{metres / 1000:0.0}公里";

    public static string StageName(StandardStage stage) => stage == StandardStage.Verification ? "核实" : "核查";
}

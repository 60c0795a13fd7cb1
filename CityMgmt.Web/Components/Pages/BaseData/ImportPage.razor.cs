using CityMgmt.Domain.Geo;
using CityMgmt.Infrastructure.Geo.Import;
using CityMgmt.Infrastructure.Organisation;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace CityMgmt.Web.Components.Pages.BaseData;

/// <summary>
/// 数据导入导出. The import runs in the circuit's <see cref="ImportRunner"/>: switching tabs, or leaving and coming back,
/// finds it still running (or its result); the page only listens to it.
/// </summary>
public partial class ImportPage
{
    private StaffContext? staff;
    private BaseDataKind kind = BaseDataKind.Component;
    private BaseDataFormat format = BaseDataFormat.GeoJson;
    private ImportMode mode = ImportMode.AllOrNothing;
    private TextEncodingChoice encoding = TextEncodingChoice.Auto;
    private CoordinateSystem coordinates = CoordinateSystem.Cgcs2000;
    private IBrowserFile? file;
    private string? fileError;

    private IEnumerable<BaseDataFormat> Formats => kind == BaseDataKind.Component
        ? Enum.GetValues<BaseDataFormat>()
        : [BaseDataFormat.GeoJson, BaseDataFormat.Shapefile];

    private string Accept => format switch
    {
        BaseDataFormat.GeoJson => ".geojson,.json",
        BaseDataFormat.Shapefile => ".zip",
        _ => ".csv,.txt",
    };

    protected override async Task OnInitializedAsync()
    {
        staff = await Session.RequireAsync();
        Runner.Changed += OnRunnerChanged;
        if (Runner.Request is { } last)
        {
            (kind, format, mode) = (last.Kind, last.Format, last.Mode);
        }
    }

    public void Dispose()
    {
        Runner.Changed -= OnRunnerChanged;
        GC.SuppressFinalize(this);
    }

    private void OnRunnerChanged() => _ = InvokeAsync(StateHasChanged);

    private void KindChanged(BaseDataKind value)
    {
        kind = value;
        if (!Formats.Contains(format))
        {
            format = BaseDataFormat.GeoJson;
        }
    }

    private void FormatChanged(BaseDataFormat value)
    {
        format = value;
        file = null;
    }

    /// <summary>Checked against the limit before a byte is read: the browser reports the size.</summary>
    private void FileChosen(IBrowserFile? chosen)
    {
        fileError = null;
        file = null;
        if (chosen is null)
        {
            return;
        }

        if (chosen.Size > Runner.Limits.MaxUploadBytes)
        {
            fileError = ImportErrors.TooLarge(chosen.Size, Runner.Limits.MaxUploadBytes).Message;
            return;
        }

        file = chosen;
    }

    private void Start()
    {
        if (file is null || staff is null)
        {
            return;
        }

        var content = file.OpenReadStream(Runner.Limits.MaxUploadBytes);
        var request = new ImportRequest(kind, format, mode, file.Name, content, file.Size, encoding, coordinates);
        var started = Runner.Start(staff, request);
        if (started.IsFailure)
        {
            content.Dispose();
            Snackbar.Add(started.Error.Message, Severity.Error);
            return;
        }

        file = null;
    }
}

using System.Diagnostics;
using System.Text.Json;

namespace CityMgmt.Tests.Infrastructure.Reports;

/// <summary>
/// Independent readers for the files the renderers write: poppler-utils (pdftotext, pdfinfo, pdftoppm) and
/// Debian's python3-openpyxl. The CI script installs both.
/// </summary>
internal static class ExternalTools
{
    /// <summary>Debian's interpreter: a pyenv shim earlier on PATH may lack openpyxl.</summary>
    private static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public static string Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} exited with {process.ExitCode}: {stderr.Result}");
        }

        return stdout;
    }

    /// <summary>pdftotext -layout, one string per page.</summary>
    public static string[] PdfPages(string pdf) =>
        Run("pdftotext", "-layout", "-enc", "UTF-8", pdf, "-").Split('\f').Where(p => p.Trim().Length > 0).ToArray();

    public static int PdfPageCount(string pdf)
    {
        var line = Run("pdfinfo", pdf).Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a Python script (openpyxl) with the workbook path as argv[1]; the script prints JSON.</summary>
    public static JsonElement Openpyxl(string workbook, string script)
    {
        var file = Path.Combine(Path.GetTempPath(), $"citymgmt-openpyxl-{Guid.NewGuid():N}.py");
        File.WriteAllText(file, script);
        try
        {
            using var json = JsonDocument.Parse(Run(Python, file, workbook));
            return json.RootElement.Clone();
        }
        finally
        {
            File.Delete(file);
        }
    }
}

/// <summary>A temp folder deleted with the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("citymgmt-reports-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

using System.Text;
using NetDma.ConformanceKit.Reporting;
using NetDma.ConformanceKit.Running;

namespace NetDma.ConformanceKit.Tests.Reporting;

/// <summary>
/// A run written the way <c>netdma-kit run --report --sarif --json</c> writes it, to files in a scratch folder, and
/// every way those files fall short: JUnit against <see cref="JUnitFileChecks"/>, SARIF against the OASIS schema,
/// JSON against docs/schemas/netdma-report.schema.json, and a byte order mark on any of them.
/// </summary>
internal static class ReportFiles
{
    /// <summary>Writes the three reports of <paramref name="report"/>; returns their problems, each prefixed with its format (empty when all are valid).</summary>
    public static IReadOnlyList<string> Problems(RunReport report)
    {
        var folder = Directory.CreateTempSubdirectory("ndma-reports-").FullName;
        try
        {
            var junit = Path.Combine(folder, "junit.xml");
            var sarif = Path.Combine(folder, "report.sarif");
            var json = Path.Combine(folder, "report.json");
            JUnitReportWriter.Write(report, junit);
            SarifReportWriter.Write(report, sarif);
            JsonReportWriter.Write(report, json);
            return
            [
                .. JUnitFileChecks.Problems(File.ReadAllBytes(junit)).Select(p => "JUnit: " + p),
                .. JsonFileProblems(sarif, ReportSchemas.SarifErrors).Select(p => "SARIF: " + p),
                .. JsonFileProblems(json, ReportSchemas.JsonReportErrors).Select(p => "JSON: " + p),
            ];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IReadOnlyList<string> JsonFileProblems(string path, Func<string, IReadOnlyList<string>> schemaErrors)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble)
            ? ["the file starts with a UTF-8 byte order mark"]
            : schemaErrors(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
    }
}

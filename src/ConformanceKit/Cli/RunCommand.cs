using NetDma.ConformanceKit.Reporting;
using NetDma.ConformanceKit.Running;
using NetDma.ReferenceProvider.NetDma;
using NetDma.ReferenceProvider.Wdm;
using Spectre.Console;

namespace NetDma.ConformanceKit.Cli;

/// <summary>The <c>run</c> command: load the driver, run the scripts, print the report, write JUnit XML.</summary>
public static class RunCommand
{
    /// <summary>The bundled reference drivers: the known-good baseline.</summary>
    public static IDriverFactory ReferenceDrivers { get; } = new TypeDriverFactory(typeof(ReferenceNetDmaProviderDriver), typeof(BusMasterSampleDriver));

    /// <summary>Runs and reports; returns the process exit code (0 all passed, 1 a script failed, 2 bad input).</summary>
    public static int Execute(IAnsiConsole console, FileInfo? provider, string? providerType, string scripts, FileInfo? report, FileInfo? sarif, TimeSpan watchdog)
    {
        IDriverFactory factory;
        IReadOnlyList<ScriptFile> files;
        try
        {
            factory = provider is null ? ReferenceDrivers : DriverAssemblyLoader.Load(provider.FullName, providerType);
            files = ConformanceRun.FindScripts(scripts);
        }
        catch (Exception e) when (e is DriverLoadException or FileNotFoundException)
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return 2;
        }

        if (files.Count == 0)
        {
            console.MarkupLine($"[red]error:[/] no {ConformanceRun.ScriptExtension} scripts under '{Markup.Escape(scripts)}'");
            return 2;
        }

        console.MarkupLine($"Running {files.Count} script(s) against [bold]{Markup.Escape(factory.Name)}[/]");
        console.WriteLine();
        var result = ConformanceRun.Run(files, factory, watchdog, script => ConsoleReport.WriteScript(console, script));
        ConsoleReport.WriteSummary(console, result);
        if (report is not null)
        {
            JUnitReportWriter.Write(result, report.FullName);
            console.MarkupLine($"JUnit report: {Markup.Escape(report.FullName)}");
        }

        if (sarif is not null)
        {
            SarifReportWriter.Write(result, sarif.FullName);
            console.MarkupLine($"SARIF report: {Markup.Escape(sarif.FullName)}");
        }

        return result.Success ? 0 : 1;
    }
}

using NetDma.ConformanceKit.Isolation;
using NetDma.ConformanceKit.Reporting;
using NetDma.ConformanceKit.Running;
using Spectre.Console;

namespace NetDma.ConformanceKit.Cli;

/// <summary>The <c>run</c> command: load the driver, run the scripts, print the report, write JUnit XML.</summary>
public static class RunCommand
{
    /// <summary>Runs and reports; returns the process exit code (0 all passed, 1 a script failed, 2 bad input, 3 a kit error).</summary>
    public static int Execute(IAnsiConsole console, FileInfo? provider, string? providerType, string scripts, FileInfo? report, FileInfo? sarif, TimeSpan watchdog, bool inProcess = false, FileInfo? json = null)
    {
        IReadOnlyList<ScriptFile> files;
        try
        {
            files = ConformanceRun.FindScripts(scripts);
        }
        catch (FileNotFoundException e)
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return 2;
        }

        if (files.Count == 0)
        {
            console.MarkupLine($"[red]error:[/] no {ConformanceRun.ScriptExtension} scripts under '{Markup.Escape(scripts)}'");
            return 2;
        }

        IScriptRunner runner;
        try
        {
            runner = DriverRunners.Create(provider, providerType, inProcess, watchdog);
        }
        catch (DriverLoadException e)
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return 2;
        }
        catch (WorkerStartException e)
        {
            console.MarkupLine($"[red]internal error:[/] {Markup.Escape(e.Message)}");
            return 3;
        }

        RunReport result;
        using (runner)
        {
            console.MarkupLine($"Running {files.Count} script(s) against [bold]{Markup.Escape(runner.DriverName)}[/]{(inProcess ? " in this process" : " in a worker process")}");
            console.WriteLine();
            try
            {
                result = ConformanceRun.Run(files, runner, script => ConsoleReport.WriteScript(console, script));
            }
            catch (WorkerStartException e)
            {
                console.MarkupLine($"[red]internal error:[/] {Markup.Escape(e.Message)}");
                return 3;
            }
        }

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

        if (json is not null)
        {
            JsonReportWriter.Write(result, json.FullName);
            console.MarkupLine($"JSON report: {Markup.Escape(json.FullName)}");
        }

        return result.Success ? 0 : 1;
    }
}

using NetDma.ConformanceKit.Reporting;
using NetDma.ConformanceKit.Running;
using Spectre.Console;

namespace NetDma.ConformanceKit.Cli;

/// <summary>The <c>run</c> command: load the driver, run the scripts, print the report, write JUnit XML.</summary>
public static class RunCommand
{
    /// <summary>The seconds <c>--timeout</c> accepts: a script that needs more than an hour is hung.</summary>
    public static IntegerRange TimeoutRange { get; } = new(1, 3600, "seconds");

    /// <summary>
    /// Runs and reports; returns the process exit code (<see cref="ExitCodes"/>: 0 all passed, 1 a script failed,
    /// 2 bad input, including a report path that cannot be written). An internal error of the kit (<see cref="Isolation.WorkerStartException"/>, an unexpected
    /// exception) propagates to <see cref="KitEntryPoint"/>, which reports it and returns 3.
    /// </summary>
    public static int Execute(KitConsole console, FileInfo? provider, string? providerType, string scripts, FileInfo? report, FileInfo? sarif, TimeSpan watchdog, bool inProcess = false, FileInfo? json = null, Faults.FaultSpec? faults = null,
        Concurrency.ScheduleOptions? schedules = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        IReadOnlyList<ScriptFile> files;
        try
        {
            files = ConformanceRun.FindScripts(scripts);
        }
        catch (FileNotFoundException e)
        {
            console.WriteError(e.Message);
            return ExitCodes.BadUsage;
        }

        if (files.Count == 0)
        {
            console.WriteError($"no {ConformanceRun.ScriptExtension} scripts under '{scripts}'");
            return ExitCodes.BadUsage;
        }

        IScriptRunner runner;
        try
        {
            runner = DriverRunners.Create(provider, providerType, inProcess, watchdog, faults, schedules);
        }
        catch (Exception e) when (e is DriverLoadException or Concurrency.Rewriting.RewriterMissingException)
        {
            console.WriteError(e.Message);
            return ExitCodes.BadUsage;
        }

        // Annotations name the script file itself (absolute, which the Actions runner maps into the repository),
        // not its display name, which is relative to the scripts folder's parent.
        var paths = files.ToDictionary(f => f.DisplayName, f => Path.GetFullPath(f.Path), StringComparer.Ordinal);
        RunReport result;
        using (runner)
        {
            console.Out.MarkupLine($"Running {files.Count} script(s) against [bold]{Markup.Escape(runner.DriverName)}[/]{(inProcess ? " in this process" : " in a worker process")}");
            if (faults is not null)
            {
                console.Out.MarkupLine($"Injecting faults {Markup.Escape(faults.ToString())} (seed {faults.Seed}) into every script");
            }

            if (schedules is not null)
            {
                console.Out.MarkupLine(schedules.ReplayTrace is not null
                    ? "Replaying one recorded schedule of every script"
                    : $"Exploring {schedules.Schedules} schedule(s) of every script ({schedules.Strategy.ToString().ToLowerInvariant()} strategy, seed {schedules.Seed})");
            }

            console.Out.WriteLine();
            result = ConformanceRun.Run(files, runner, script =>
            {
                WriteScheduleTrace(console, script, provider, providerType);
                ConsoleReport.WriteScript(console.Out, script);
                console.Annotations?.Write(script, paths.TryGetValue(script.File, out var path) ? path : script.File);
            });
        }

        result = result with { Faults = faults };
        ConsoleReport.WriteSummary(console.Out, result);

        // Every requested report is attempted (&= does not short-circuit) before a missing one decides the exit code.
        var written = true;
        written &= WriteReport(console, "JUnit report", report, path => JUnitReportWriter.Write(result, path));
        written &= WriteReport(console, "SARIF report", sarif, path => SarifReportWriter.Write(result, path));
        written &= WriteReport(console, "JSON report", json, path => JsonReportWriter.Write(result, path));
        if (!written)
        {
            return ExitCodes.BadUsage;
        }

        return result.Success ? ExitCodes.Passed : ExitCodes.ConformanceFailure;
    }

    /// <summary>
    /// Writes one report file and names it. A path that cannot be written (a folder in the way, no permission) is bad
    /// input: reported as an error, and the run exits 2 since CI would miss the report it asked for.
    /// </summary>
    /// <returns>False when the report was requested and could not be written.</returns>
    internal static bool WriteReport(KitConsole console, string kind, FileInfo? file, Action<string> write)
    {
        if (file is null)
        {
            return true;
        }

        try
        {
            write(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.WriteError($"cannot write the {kind} to '{file.FullName}': {e.Message}");
            return false;
        }

        console.Out.MarkupLine($"{kind}: {Markup.Escape(file.FullName)}");
        return true;
    }

    /// <summary>
    /// Writes a failing schedule's Coyote trace to <see cref="ScheduleOptionsBinding.TraceFolder"/> and says how to
    /// replay it. This process writes it (it owns the output folder) from the text the runner returned, whether the
    /// schedules ran here or in a worker.
    /// </summary>
    private static void WriteScheduleTrace(KitConsole console, ScriptResult script, FileInfo? provider, string? providerType)
    {
        if (script.Schedules is not { FailingSchedule: not null, Trace: { } trace } schedules)
        {
            if (script.Schedules is { } passed)
            {
                console.Out.MarkupLine(Markup.Escape($"{script.Name}: {passed}"));
            }

            return;
        }

        var path = Path.Combine(ScheduleOptionsBinding.TraceFolder, script.Name + ".trace");
        Directory.CreateDirectory(ScheduleOptionsBinding.TraceFolder);
        File.WriteAllText(path, trace);
        // The replay runs where this run ran (a worker unless --in-process), on the same (rewritten) provider.
        var driver = provider is null ? "" : $" --provider {provider.FullName}" + (providerType is null ? "" : $" --provider-type {providerType}");
        console.Out.MarkupLine(Markup.Escape($"{script.Name}: {schedules}; trace written to {path}; replay: netdma-kit run{driver} --scripts {script.File} --replay {path}"));
    }
}

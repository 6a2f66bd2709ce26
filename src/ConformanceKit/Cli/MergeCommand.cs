using System.CommandLine;
using NetDma.ConformanceKit.Reporting;
using NetDma.ConformanceKit.Reporting.Merging;
using NetDma.ConformanceKit.Running;
using Spectre.Console;

namespace NetDma.ConformanceKit.Cli;

/// <summary>
/// The <c>merge</c> command: reads the JSON reports of the parts of one run (the n jobs of <c>explore --shard i/n</c>,
/// or <c>run</c> jobs each given part of the scripts) and writes the whole run's JUnit, SARIF and JSON reports, as one
/// job that ran everything would have (<see cref="RunReportMerger"/>). Exit codes as <see cref="ExitCodes"/>: 0 when
/// the merged run passed, 1 when a part failed (the merged report's exit code), 2 on bad input: a missing or malformed
/// report, one of another kit version, reports of different runs, or a report file that cannot be written.
/// </summary>
public static class MergeCommand
{
    /// <summary>The command with its arguments and options, ready to add to the root command.</summary>
    /// <param name="console">Where the command reports.</param>
    public static Command Create(KitConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var reports = new Argument<FileInfo[]>("reports")
        {
            Description = "The JSON reports to merge (written with --json by explore --shard i/n or by run), one per part of the run.",
            Arity = ArgumentArity.OneOrMore,
        };
        var junit = new Option<FileInfo?>("--report") { Description = "Write the merged JUnit XML report to this path." };
        var sarif = new Option<FileInfo?>("--sarif") { Description = "Write the merged SARIF 2.1.0 report to this path." };
        var json = new Option<FileInfo?>("--json") { Description = "Write the merged JSON report (schema: docs/schemas/netdma-report.schema.json) to this path." };
        var command = new Command("merge",
            "Merge the JSON reports of the parts of one run (CI shards of explore --shard i/n, or run jobs on parts of the scripts) into one JUnit, SARIF and JSON report. Exit code 1 when any part failed.")
        {
            reports, junit, sarif, json,
        };
        command.SetAction(parse => Execute(console, parse.GetValue(reports) ?? [], parse.GetValue(junit), parse.GetValue(sarif), parse.GetValue(json)));
        return command;
    }

    /// <summary>
    /// Merges and writes; returns the process exit code (<see cref="ExitCodes"/>: 0 the merged run passed, 1 a part
    /// failed, 2 bad input, including a report path that cannot be written).
    /// </summary>
    /// <param name="console">Where the summary and errors go.</param>
    /// <param name="reports">The JSON reports to merge, at least one.</param>
    /// <param name="junit">Where to write the merged JUnit report, or null.</param>
    /// <param name="sarif">Where to write the merged SARIF report, or null.</param>
    /// <param name="json">Where to write the merged JSON report, or null.</param>
    public static int Execute(KitConsole console, IReadOnlyList<FileInfo> reports, FileInfo? junit, FileInfo? sarif, FileInfo? json)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Count == 0)
        {
            console.WriteError("merge needs at least one JSON report");
            return ExitCodes.BadUsage;
        }

        RunReport merged;
        try
        {
            // Named as given on the command line: the user recognises the path they typed.
            merged = RunReportMerger.Merge([.. reports.Select(file => new NamedReport(file.ToString(), JsonReportReader.Read(file.FullName)))]);
        }
        catch (ReportMergeException e)
        {
            console.WriteError(e.Message);
            return ExitCodes.BadUsage;
        }

        var output = console.Out;
        output.MarkupLine(Markup.Escape(
            $"Merged {reports.Count} report(s) of {merged.Driver}: {merged.Scripts.Count} entries, {merged.Passed} passed, {merged.Failed} failed, {merged.Skipped} skipped" +
            (merged.Exploration is { } cases ? $"; exploration {cases}{(cases.Complete ? "" : $" (shards missing: {Missing(cases)})")}" : "")));
        var written = true;
        written &= RunCommand.WriteReport(console, "JUnit report", junit, path => JUnitReportWriter.Write(merged, path));
        written &= RunCommand.WriteReport(console, "SARIF report", sarif, path => SarifReportWriter.Write(merged, path));
        written &= RunCommand.WriteReport(console, "JSON report", json, path => JsonReportWriter.Write(merged, path));
        if (!written)
        {
            return ExitCodes.BadUsage;
        }

        return merged.Success ? ExitCodes.Passed : ExitCodes.ConformanceFailure;
    }

    private static string Missing(Exploration.ExploredCases cases) =>
        string.Join(", ", Enumerable.Range(1, cases.ShardCount).Except(cases.Shards).Select(i => $"{i}/{cases.ShardCount}"));
}

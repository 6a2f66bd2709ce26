using NetDma.ConformanceKit.Running;
using Spectre.Console;

namespace NetDma.ConformanceKit.Cli;

/// <summary>
/// The terminal report of a run: one table per script (line, check, result, rule IDs), the messages of failed checks
/// under it, then a summary table. Written to any <see cref="IAnsiConsole"/> so tests can capture it.
/// </summary>
public static class ConsoleReport
{
    /// <summary>Writes one script's table and failure messages.</summary>
    public static void WriteScript(IAnsiConsole console, ScriptResult script)
    {
        var verdict = script.Outcome switch
        {
            ScriptOutcome.Passed => "[green]PASSED[/]",
            ScriptOutcome.Failed => "[red]FAILED[/]",
            _ => "[yellow]SKIPPED[/]",
        };
        console.MarkupLine($"{verdict} [bold]{Markup.Escape(script.Name)}[/]{(script.Title is null ? "" : " - " + Markup.Escape(script.Title))}");
        if (script.Outcome == ScriptOutcome.Skipped)
        {
            console.MarkupLine($"  skipped: {Markup.Escape(script.SkipReason ?? "")}");
            console.WriteLine();
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Line").AddColumn("Check").AddColumn("Result").AddColumn("Rules");
        // In script order: a violation an assertion found further down sits at the line that caused it.
        foreach (var check in script.Checks.OrderBy(c => c.Location.Line))
        {
            table.AddRow(
                check.Location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(check.Title),
                check.Passed ? "[green]pass[/]" : "[red]FAIL[/]",
                Markup.Escape(string.Join(" ", check.RuleIds)));
        }

        if (script.Checks.Count == 0)
        {
            // No assertion and no violation: an empty table would read as a rendering fault.
            console.WriteLine("  no checks: the script asserts nothing and the kit observed no violation");
        }
        else
        {
            console.Write(table);
        }

        foreach (var fault in script.Faults)
        {
            console.WriteLine($"  fault injected: {fault}");
        }

        foreach (var failure in script.Failures)
        {
            console.MarkupLine($"  [red]{Markup.Escape(failure.Location.ToString())}[/] {Markup.Escape(failure.Title)}:");
            foreach (var line in failure.Message.Split('\n'))
            {
                console.WriteLine("    " + line.TrimEnd('\r'));
            }
        }

        console.WriteLine();
    }

    /// <summary>Writes the run summary: the driver under test, script counts, checks and observed violations.</summary>
    public static void WriteSummary(IAnsiConsole console, RunReport report)
    {
        var checks = report.Scripts.Sum(s => s.Checks.Count);
        var violations = report.Scripts.Sum(s => s.Violations.Count);
        var unexpected = report.Scripts.SelectMany(s => s.Failures).Any(f => f.Step == ScriptExecutionSteps.UnexpectedViolation);
        console.MarkupLine($"Driver under test: [bold]{Markup.Escape(report.Driver)}[/]");
        var summary = new Table().Border(TableBorder.Rounded)
            .AddColumn("Scripts").AddColumn("Passed").AddColumn("Failed").AddColumn("Skipped").AddColumn("Checks").AddColumn("Violations observed");
        summary.AddRow(
            Count(report.Scripts.Count),
            $"[green]{report.Passed}[/]",
            report.Failed == 0 ? "0" : $"[red]{report.Failed}[/]",
            Count(report.Skipped),
            Count(checks),
            unexpected ? $"[red]{violations}[/]" : Count(violations));
        console.Write(summary);
        if (report.Faults is { } faults)
        {
            var injected = report.Scripts.Sum(s => s.Faults.Count);
            console.WriteLine($"Faults: {faults} (seed {faults.Seed}); {injected} injected in {report.Scripts.Count(s => s.Faults.Count > 0)} script(s).");
        }

        WriteRequirements(console, report);
        console.MarkupLine(report.Success ? "[green]Conformance run passed.[/]" : "[red]Conformance run failed.[/]");
    }

    /// <summary>
    /// One line, TCK style: how many documented requirements this run verified, broke, left unexercised or could not
    /// verify, and how many no run-time check covers; the JSON report (<c>--json</c>) lists every row with its reason.
    /// </summary>
    private static void WriteRequirements(IAnsiConsole console, RunReport report)
    {
        var counts = Requirements.RequirementCoverage.Count(Requirements.RequirementCoverage.Of(report));
        var provider = counts.Where(c => c.Key != Requirements.RequirementRunOutcome.SystemSide).Sum(c => c.Value);
        var violated = counts[Requirements.RequirementRunOutcome.Violated];
        console.MarkupLine(
            $"Requirements (of {Count(provider)} the driver must meet): [green]{Count(counts[Requirements.RequirementRunOutcome.Verified])} verified[/], " +
            (violated == 0 ? "0 violated" : $"[red]{Count(violated)} violated[/]") +
            $", {Count(counts[Requirements.RequirementRunOutcome.NotExercised])} not exercised by these scripts" +
            $", {Count(counts[Requirements.RequirementRunOutcome.NotVerifiable])} not verifiable (capability absent)" +
            $", {Count(counts[Requirements.RequirementRunOutcome.NoRunTimeCheck])} without a run-time check" +
            $"; {Count(counts[Requirements.RequirementRunOutcome.SystemSide])} system guarantees. Every row with its reason: --json.");
    }

    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

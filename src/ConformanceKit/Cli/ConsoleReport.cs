using NetDma.ConformanceKit.Rules;
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
        foreach (var check in script.Checks)
        {
            table.AddRow(
                check.Location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(check.Step),
                check.Passed ? "[green]pass[/]" : "[red]FAIL[/]",
                Markup.Escape(string.Join(" ", check.RuleIds)));
        }

        console.Write(table);
        foreach (var failure in script.Failures)
        {
            console.MarkupLine($"  [red]{Markup.Escape(failure.Location.ToString())}[/] {Markup.Escape(failure.Step)}:");
            foreach (var line in failure.Message.Split('\n'))
            {
                console.WriteLine("    " + line.TrimEnd('\r'));
            }
        }

        console.WriteLine();
    }

    /// <summary>Writes the run summary: counts and the rules the run's checks touched.</summary>
    public static void WriteSummary(IAnsiConsole console, RunReport report)
    {
        var rules = report.Scripts.SelectMany(s => s.RuleIds).Distinct().Count();
        var summary = new Table().Border(TableBorder.Rounded)
            .AddColumn("Driver").AddColumn("Scripts").AddColumn("Passed").AddColumn("Failed").AddColumn("Skipped").AddColumn("Rules checked");
        summary.AddRow(
            Markup.Escape(report.Driver),
            report.Scripts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"[green]{report.Passed}[/]",
            report.Failed == 0 ? "0" : $"[red]{report.Failed}[/]",
            report.Skipped.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{rules} of {RuleCatalog.All.Count}");
        console.Write(summary);
        console.MarkupLine(report.Success ? "[green]Conformance run passed.[/]" : "[red]Conformance run failed.[/]");
    }
}

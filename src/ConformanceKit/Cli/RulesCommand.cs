using System.CommandLine;
using NetDma.ConformanceKit.Rules;
using Spectre.Console;

namespace NetDma.ConformanceKit.Cli;

/// <summary>
/// The <c>rules</c> command: every rule with its level, statement and source page (<c>--format table</c>), or the same
/// with what enforces each rule and what proves it (<c>--format json</c>, shape in <see cref="RuleCatalogJson"/>).
/// </summary>
public static class RulesCommand
{
    /// <summary>The command, ready to add to the root command.</summary>
    public static Command Create(KitConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var format = CatalogFormat.CreateOption();
        var command = new Command("rules", "List the rule catalog: every NDMA rule with its level, statement and source page; --format json adds its analyzers, run-time checks, self-test scripts, tests and requirements.")
        {
            format,
        };
        command.SetAction(parse => Execute(console, parse.GetValue(format)!));
        return command;
    }

    /// <summary>Writes every rule of the catalog, in ID order.</summary>
    public static int Execute(KitConsole console, string format)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (format == CatalogFormat.Json)
        {
            CatalogFormat.WriteJson(console, RuleCatalogJson.Write);
            return ExitCodes.Passed;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Rule").AddColumn("Level").AddColumn("Requirement").AddColumn("Source page");
        foreach (var rule in RuleCatalog.All)
        {
            table.AddRow(rule.Id, rule.Level.ToString(), Markup.Escape(rule.Statement), Markup.Escape(rule.Source));
        }

        console.Out.Write(table);
        return ExitCodes.Passed;
    }
}

using NetDma.ConformanceKit.Rules;
using Spectre.Console;

namespace NetDma.ConformanceKit.Cli;

/// <summary>The <c>rules</c> command: the rule catalog as a table (ID, level, statement, source page).</summary>
public static class RulesCommand
{
    /// <summary>Writes every rule of the catalog, in ID order.</summary>
    public static int Execute(IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Rule").AddColumn("Level").AddColumn("Requirement").AddColumn("Source page");
        foreach (var rule in RuleCatalog.All)
        {
            table.AddRow(rule.Id, rule.Level.ToString(), Markup.Escape(rule.Statement), Markup.Escape(rule.Page));
        }

        console.Write(table);
        return 0;
    }
}

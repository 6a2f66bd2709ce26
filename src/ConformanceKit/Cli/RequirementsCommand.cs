using System.CommandLine;
using NetDma.ConformanceKit.Requirements;
using Spectre.Console;

namespace NetDma.ConformanceKit.Cli;

/// <summary>
/// The <c>requirements</c> command: every normative statement of the reference pages with the rules that check it and
/// how far the kit verifies it, optionally only those of one status (<c>--status uncovered</c>). The table ends with
/// the counts by status; <c>--format json</c> has the shape of <see cref="RequirementCatalogJson"/>.
/// </summary>
public static class RequirementsCommand
{
    /// <summary>The command, ready to add to the root command.</summary>
    public static Command Create(KitConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var format = CatalogFormat.CreateOption();
        var status = new Option<string?>("--status")
        {
            Description = "Only the requirements of this status: proven, enforced, host, undecidable, notModelled or uncovered.",
        };
        status.AcceptOnlyFromAmong([.. Enum.GetValues<RequirementStatus>().Select(RequirementCatalogJson.Name)]);
        var command = new Command("requirements", "List the requirement catalog: every normative statement of the reference pages, whom it binds, the rules that check it and its status.")
        {
            format, status,
        };
        command.SetAction(parse => Execute(console, parse.GetValue(format)!, parse.GetValue(status)));
        return command;
    }

    /// <summary>Writes the requirements (of <paramref name="status"/> only, when given).</summary>
    public static int Execute(KitConsole console, string format, string? status)
    {
        ArgumentNullException.ThrowIfNull(console);
        var rows = RequirementCatalog.Default.All.Where(r => status is null || RequirementCatalogJson.Name(r.Status) == status).ToList();
        if (format == CatalogFormat.Json)
        {
            CatalogFormat.WriteJson(console, stream => RequirementCatalogJson.Write(stream, rows));
            return ExitCodes.Passed;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Requirement").AddColumn("Binds").AddColumn("Status").AddColumn("Rules").AddColumn("Statement").AddColumn("Page");
        foreach (var row in rows)
        {
            table.AddRow(
                row.Id,
                row.Binds == RequirementBinding.Provider ? "provider" : "system",
                RequirementCatalogJson.Name(row.Status),
                string.Join(" ", row.Rules),
                Markup.Escape(row.Text),
                Markup.Escape(row.PageName));
        }

        console.Out.Write(table);
        console.Out.WriteLine(Summary(rows));
        return ExitCodes.Passed;
    }

    /// <summary>"459 requirements: 120 proven, 40 enforced, ..." over <paramref name="rows"/>.</summary>
    public static string Summary(IReadOnlyCollection<Requirement> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var counts = Enum.GetValues<RequirementStatus>().Select(s => $"{rows.Count(r => r.Status == s)} {RequirementCatalogJson.Name(s)}");
        return $"{rows.Count} requirements: {string.Join(", ", counts)}.";
    }
}

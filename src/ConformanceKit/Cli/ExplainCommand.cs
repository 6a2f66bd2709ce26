using System.CommandLine;
using NetDma.ConformanceKit.Reporting;
using NetDma.ConformanceKit.Requirements;
using NetDma.ConformanceKit.Rules;
using Spectre.Console;

namespace NetDma.ConformanceKit.Cli;

/// <summary>
/// The <c>explain NDMAxxxx</c> command: one rule in full: its statement, level and page (with its Microsoft Learn link),
/// where it is enforced, the self-test scripts and tests that show it firing, and every requirement it checks.
/// An unknown ID is a usage error (exit code 2) that lists the known ones.
/// </summary>
public static class ExplainCommand
{
    /// <summary>The command, ready to add to the root command.</summary>
    public static Command Create(KitConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var id = new Argument<string>("rule") { Description = "The rule ID, e.g. NDMA3004." };
        var command = new Command("explain", "Explain one rule: statement, page, checks, proofs and the requirements it verifies.") { id };
        command.SetAction(parse => Execute(console, parse.GetValue(id)!));
        return command;
    }

    /// <summary>Prints rule <paramref name="id"/> (case-insensitive).</summary>
    public static int Execute(KitConsole console, string id)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(id);
        if (!RuleCatalog.TryGet(id.Trim().ToUpperInvariant(), out var rule))
        {
            console.WriteError($"there is no rule '{id}'; the rules are {RuleCatalog.All[0].Id} .. {RuleCatalog.All[^1].Id} (list them with `netdma-kit rules`).");
            return ExitCodes.BadUsage;
        }

        var evidence = RuleCatalog.EvidenceOf(rule.Id);
        var requirements = RequirementCatalog.Default.CheckedBy(rule.Id);
        var o = console.Out;
        o.WriteLine($"{rule.Id} ({rule.Level}): {rule.Statement}");
        o.WriteLine(DocumentationLinks.ForRule(rule) is { } help ? $"  page:            {rule.Page} ({help})" : $"  page:            {rule.Source}");
        o.WriteLine($"  rule page:       docs/rules/{rule.Id}.md");
        o.WriteLine($"  enforced:        {Enforcement(rule)}");
        o.WriteLine($"  analyzers:       {List(evidence.Analyzers)}");
        o.WriteLine($"  run-time checks: {List(evidence.RuntimeChecks)}");
        o.WriteLine($"  self-tests:      {List(evidence.Scripts)}");
        o.WriteLine($"  tests:           {(evidence.ProvenBy.Count == 0 ? "none yet: no test shows this check firing" : $"{evidence.ProvenBy.Count}, e.g. {string.Join(", ", evidence.ProvenBy.Take(3))}")}");
        o.WriteLine($"  requirements ({requirements.Count}):");
        foreach (var requirement in requirements)
        {
            o.WriteLine($"    {requirement.Id} [{RequirementCatalogJson.Name(requirement.Status)}] {requirement.Text} ({requirement.PageName})");
        }

        if (requirements.Count == 0)
        {
            o.WriteLine("    none of the catalog's rows names this rule");
        }

        return ExitCodes.Passed;
    }

    private static string Enforcement(NetDma.ConformanceKit.Rules.Rule rule) => rule.Enforcement switch
    {
        RuleEnforcement.RunTime => "at run time (conformance kit)",
        RuleEnforcement.CompileTime => "at compile time (analyzers)",
        _ => "at run time (conformance kit) and at compile time (analyzers)",
    };

    private static string List(IReadOnlyList<string> values) => values.Count == 0 ? "none" : string.Join(", ", values);
}

using System.Text.Json;
using NetDma.ConformanceKit.Cli;
using NetDma.ConformanceKit.Requirements;
using NetDma.ConformanceKit.Rules;

namespace NetDma.ConformanceKit.Tests.Cli;

/// <summary>The catalog commands: <c>rules</c>, <c>requirements</c> and <c>explain</c>, in both formats, with the consoles of a CI log.</summary>
public sealed class CatalogCommandTests
{
    [Fact]
    public void Rules_as_JSON_give_every_rule_with_its_checks_proofs_and_requirements()
    {
        using var kit = new CliTestKit();
        Assert.Equal(ExitCodes.Passed, RulesCommand.Execute(kit.Console, CatalogFormat.Json));

        using var json = JsonDocument.Parse(kit.Output);
        var rules = json.RootElement.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(RuleCatalog.All.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
        var ndma3004 = rules.Single(r => r.GetProperty("id").GetString() == "NDMA3004");
        Assert.Equal("MUST", ndma3004.GetProperty("level").GetString());
        Assert.Equal(LifecycleRules.CpuNumberInMask.Statement, ndma3004.GetProperty("statement").GetString());
        Assert.Equal(["runTime"], ndma3004.GetProperty("enforcement").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("NetDmaHost.CheckAllocatedChannel", ndma3004.GetProperty("runtimeChecks").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("selftest/ndma3004-cpu-outside-mask", ndma3004.GetProperty("scripts").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("BrokenProviderTests.Cases", ndma3004.GetProperty("provenBy").EnumerateArray().Select(e => e.GetString()));
        Assert.NotEmpty(ndma3004.GetProperty("requirements").EnumerateArray());
        var ndma3003 = rules.Single(r => r.GetProperty("id").GetString() == "NDMA3003");
        Assert.Equal(["NDMA3003CpuNumberAnalyzer"], ndma3003.GetProperty("analyzers").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Requirements_as_JSON_give_every_row_and_the_counts_by_status()
    {
        using var kit = new CliTestKit();
        Assert.Equal(ExitCodes.Passed, RequirementsCommand.Execute(kit.Console, CatalogFormat.Json, status: null));

        using var json = JsonDocument.Parse(kit.Output);
        var rows = json.RootElement.GetProperty("requirements").EnumerateArray().ToList();
        Assert.Equal(RequirementCatalog.Default.All.Count, rows.Count);
        Assert.Equal(rows.Count, json.RootElement.GetProperty("summary").GetProperty("total").GetInt32());
        var first = rows[0];
        Assert.Equal(
            ["id", "page", "path", "quote", "text", "binds", "rules", "status", "reason"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.All(rows, row => Assert.Contains(row.GetProperty("binds").GetString(), new[] { "provider", "system" }));
        Assert.All(rows, row => Assert.Contains(row.GetProperty("status").GetString(), new[] { "proven", "enforced", "host", "undecidable", "notModelled", "uncovered" }));
        var summed = Enum.GetValues<RequirementStatus>().Sum(s => json.RootElement.GetProperty("summary").GetProperty(RequirementCatalogJson.Name(s)).GetInt32());
        Assert.Equal(rows.Count, summed);
    }

    [Fact]
    public void Requirements_of_one_status_are_only_those()
    {
        using var kit = new CliTestKit();
        Assert.Equal(ExitCodes.Passed, RequirementsCommand.Execute(kit.Console, CatalogFormat.Json, "uncovered"));

        using var json = JsonDocument.Parse(kit.Output);
        var rows = json.RootElement.GetProperty("requirements").EnumerateArray().ToList();
        Assert.Equal(RequirementCatalog.Default.All.Count(r => r.Status == RequirementStatus.Uncovered), rows.Count);
        Assert.All(rows, row => Assert.Equal("uncovered", row.GetProperty("status").GetString()));
    }

    [Fact]
    public void The_requirements_table_ends_with_the_counts_by_status()
    {
        using var kit = new CliTestKit();
        Assert.Equal(ExitCodes.Passed, RequirementsCommand.Execute(kit.Console, CatalogFormat.Table, status: null));

        Assert.Contains("ALLOCATE-1", kit.Output);
        Assert.Contains(RequirementsCommand.Summary(RequirementCatalog.Default.All), kit.Output);
    }

    [Fact]
    public void Explain_prints_the_rule_its_checks_proofs_and_requirements()
    {
        using var kit = new CliTestKit();
        Assert.Equal(ExitCodes.Passed, ExplainCommand.Execute(kit.Console, "ndma3004"));

        Assert.StartsWith($"NDMA3004 (MUST): {LifecycleRules.CpuNumberInMask.Statement}", kit.Output, StringComparison.Ordinal);
        Assert.Contains("https://learn.microsoft.com/", kit.Output);
        Assert.Contains("NetDmaHost.CheckAllocatedChannel", kit.Output);
        Assert.Contains("selftest/ndma3004-cpu-outside-mask", kit.Output);
        foreach (var requirement in RequirementCatalog.Default.CheckedBy("NDMA3004"))
        {
            Assert.Contains(requirement.Id, kit.Output);
        }
    }

    [Fact]
    public void Explain_of_an_unknown_rule_is_a_usage_error_that_says_where_the_rules_are()
    {
        using var kit = new CliTestKit();
        Assert.Equal(ExitCodes.BadUsage, ExplainCommand.Execute(kit.Console, "NDMA9999"));

        Assert.Contains("error: there is no rule 'NDMA9999'", kit.Errors);
        Assert.Contains("netdma-kit rules", kit.Errors);
        Assert.Empty(kit.Output);
    }
}

using System.Reflection;
using NetDma.ConformanceKit.Rules;

namespace NetDma.Analyzers.Tests;

/// <summary>The analyzers and the conformance kit share one rule catalog: every analyzer ID is a catalog rule.</summary>
public sealed class RuleIdentifiersTests
{
    public static TheoryData<string, string> Identifiers()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in typeof(RuleIdentifiers).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            data.Add(field.Name, (string)field.GetValue(null)!);
        }

        return data;
    }

    [Fact]
    public void Every_compile_time_rule_of_the_catalog_has_an_analyzer_id()
    {
        var ids = typeof(RuleIdentifiers).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToHashSet();
        var missing = RuleCatalog.All.Where(r => r.Enforcement.HasFlag(RuleEnforcement.CompileTime) && !ids.Contains(r.Id)).Select(r => r.Id);
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Identifiers))]
    public void Every_analyzer_rule_id_is_in_the_kit_catalog(string name, string id)
    {
        Assert.True(RuleCatalog.TryGet(id, out var rule), $"RuleIdentifiers.{name} = {id} is not in RuleCatalog");
        Assert.True(rule.Enforcement.HasFlag(RuleEnforcement.CompileTime), $"{id} is enforced by an analyzer but the catalog does not say CompileTime");
    }
}

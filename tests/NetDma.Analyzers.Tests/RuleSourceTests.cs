using Microsoft.CodeAnalysis.Diagnostics;
using NetDma.Analyzers.Tests.Support;
using NetDma.ConformanceKit.Rules;

namespace NetDma.Analyzers.Tests;

/// <summary>
/// The analyzers and the conformance kit compile the same rule source (src/Rules): every diagnostic an analyzer reports
/// is a rule enforced at compile time, every such rule has an analyzer, and both assemblies read the same rules.
/// </summary>
public sealed class RuleSourceTests
{
    private static IReadOnlyList<string> ReportedIds() =>
        [.. AnalyzerRunner.AnalyzerTypes()
            .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
            .Select(descriptor => descriptor.Id)
            .Distinct()
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_reported_diagnostic_is_a_compile_time_rule_and_every_compile_time_rule_is_reported()
    {
        var compileTime = RuleCatalog.All.Where(r => r.Enforcement.HasFlag(ConformanceKit.Rules.RuleEnforcement.CompileTime)).Select(r => r.Id);
        Assert.Equal(compileTime, ReportedIds());
    }

    [Fact]
    public void The_analyzers_and_the_kit_read_the_same_rules()
    {
        Assert.Equal(RuleCatalog.All.Select(r => r.ToString()), RuleSource.All.Select(r => r.ToString()));
        Assert.Equal(
            RuleCatalog.All.Select(r => (int)r.Enforcement),
            RuleSource.All.Select(r => (int)r.Enforcement));
    }

    [Fact]
    public void Every_descriptor_takes_its_title_from_the_rule_statement()
    {
        foreach (var descriptor in AnalyzerRunner.AnalyzerTypes().SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics))
        {
            Assert.Equal(RuleCatalog.Get(descriptor.Id).Statement.TrimEnd('.'), descriptor.Title.ToString());
        }
    }
}

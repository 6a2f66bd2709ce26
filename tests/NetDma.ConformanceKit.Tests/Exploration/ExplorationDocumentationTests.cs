using System.Text.RegularExpressions;
using NetDma.ConformanceKit.Cli;
using NetDma.ConformanceKit.Exploration;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;
using NetDma.ReferenceProvider.NetDma;

namespace NetDma.ConformanceKit.Tests.Exploration;

/// <summary>
/// docs/exploration.md stays true: its example scripts are exactly what their seeds generate, they pass on the
/// reference provider, the shrunk example still fails the third-descriptor bug, and the option table lists the
/// command's options.
/// </summary>
public sealed partial class ExplorationDocumentationTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "exploration.md"));

    private static List<string> Examples => [.. ScriptBlock().Matches(Doc).Select(m => m.Groups[1].Value.Replace("\r\n", "\n", StringComparison.Ordinal))];

    [Fact]
    public void The_generated_example_is_what_its_seed_generates_and_passes_on_the_reference_provider()
    {
        var example = Examples[0];

        Assert.Equal(Explorer.ScriptFor("00000000KFrU4n", new ExplorationOptions { MaxOperations = 8 }, ProviderCapabilities.All), example);
        Assert.Equal(ScriptOutcome.Passed, Run(typeof(ReferenceNetDmaProviderDriver), example).Outcome);
    }

    [Fact]
    public void The_shrunk_example_is_what_its_seed_generates_and_fails_only_the_third_descriptor_provider()
    {
        var example = Examples[1];

        Assert.Equal(Explorer.ScriptFor("exzZ2lbcCFtKX5", new ExplorationOptions(), ProviderCapabilities.All), example);
        Assert.Equal(ScriptOutcome.Passed, Run(typeof(ReferenceNetDmaProviderDriver), example).Outcome);
        var broken = Run(typeof(ThirdDescriptorCorruptingProvider), example);
        Assert.Equal(ScriptOutcome.Failed, broken.Outcome);
        Assert.Equal(["NDMA5004"], broken.Failures.SelectMany(f => f.RuleIds).Distinct());
    }

    [Fact]
    public void The_option_table_lists_every_option_of_the_explore_command()
    {
        var console = ConsoleFactory.Create(new ConsoleEnvironment(true, true, _ => null), TextWriter.Null, TextWriter.Null);
        var options = ExploreCommand.Create(console).Options.Select(o => o.Name).ToList();

        Assert.Equal(16, options.Count);
        Assert.All(options, name => Assert.Contains($"| `{name}` |", Doc));
    }

    private static ScriptResult Run(Type provider, string text) =>
        new InProcessScriptRunner(new TypeDriverFactory(provider, null), ConformanceRun.DefaultWatchdog).Run(ScriptParser.Parse(text, "exploration.md"));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NetDmaConformance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no NetDmaConformance.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"```netdma-script\r?\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ScriptBlock();
}

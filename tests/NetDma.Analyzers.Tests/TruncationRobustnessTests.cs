using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using NetDma.Analyzers.Tests.Support;
using Xunit.Abstractions;

namespace NetDma.Analyzers.Tests;

/// <summary>
/// Half-typed code, as an IDE sees it: every analyzer of the assembly runs over prefixes of every test source
/// (<see cref="TestSourceCorpus"/>), every file of src/ReferenceProvider and of samples/, and throws nothing (no analyzer
/// exception, no AD0001). All analyzers run together per prefix. The cut points are the line boundaries, every 97th
/// character and the whole text. The suite runs the whole text and a fixed sample of <see cref="SampledCutsPerSource"/>
/// cut points per source (seeded by <see cref="Seed"/> and the source's name, so a new source does not move the others'
/// sample); <c>NETDMA_TRUNCATION_SWEEP=full</c> runs every cut point (about 11 000 compilations, two minutes on two
/// cores), a step for CI outside the suite.
/// </summary>
public sealed class TruncationRobustnessTests(ITestOutputHelper output)
{
    /// <summary>The environment variable that turns the sample into the full sweep (value <c>full</c>).</summary>
    public const string SweepVariable = "NETDMA_TRUNCATION_SWEEP";

    private const int CharacterStep = 97;

    private const int Seed = 20261202;

    private const int SampledCutsPerSource = 6;

    [Fact]
    public async Task Every_analyzer_survives_the_prefixes_of_every_test_sample_and_reference_provider_file()
    {
        var sources = TestSourceCorpus.Load().ToList();
        Assert.NotEmpty(sources);
        var providerFiles = RepositoryFiles.CSharpFiles("src/ReferenceProvider").Concat(RepositoryFiles.CSharpFiles("samples")).ToList();
        Assert.NotEmpty(providerFiles);
        sources.AddRange(providerFiles.Select(path => (Path.GetRelativePath(RepositoryFiles.Root, path), File.ReadAllText(path))));

        var fullSweep = string.Equals(Environment.GetEnvironmentVariable(SweepVariable), "full", StringComparison.OrdinalIgnoreCase);
        var work = sources
            .SelectMany(source => (fullSweep ? PrefixLengths(source.Text) : SampledPrefixLengths(source.Name, source.Text))
                .Select(length => (source.Name, Text: source.Text[..length])))
            .ToList();
        var runner = new AnalyzerRunner();
        var analyzers = AnalyzerRunner.AllAnalyzers();
        var failures = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (item, cancellationToken) =>
        {
            var compilation = runner.Compile([(item.Name, item.Text)]);
            var run = await AnalyzerRunner.RunAsync(compilation, analyzers, cancellationToken);
            foreach (var exception in run.Exceptions)
            {
                failures.Enqueue($"{item.Name} cut at {item.Text.Length} characters: {exception}");
            }

            foreach (var diagnostic in run.Diagnostics.Where(d => d.Id == "AD0001"))
            {
                failures.Enqueue($"{item.Name} cut at {item.Text.Length} characters: {diagnostic}");
            }
        });

        output.WriteLine($"{(fullSweep ? "full sweep" : $"sample (seed {Seed}, {SampledCutsPerSource} cuts per source; {SweepVariable}=full for all)")}: "
            + $"{work.Count} truncations of {sources.Count} sources ({providerFiles.Count} reference provider and sample files), {analyzers.Length} analyzers each: {failures.Count} analyzer exceptions.");
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine + Environment.NewLine, failures.Take(5)));
    }

    [Fact]
    public void The_sample_is_the_same_on_every_run_and_a_subset_of_the_full_sweep()
    {
        var text = string.Join("\n", Enumerable.Range(0, 200).Select(i => $"line {i};"));
        var first = SampledPrefixLengths("a.cs", text).ToList();
        Assert.Equal(first, SampledPrefixLengths("a.cs", text));
        Assert.Equal(SampledCutsPerSource + 1, first.Count);
        Assert.Contains(text.Length, first);
        Assert.Subset(PrefixLengths(text).ToHashSet(), first.ToHashSet());
        Assert.NotEqual(first, SampledPrefixLengths("b.cs", text));
    }

    /// <summary>The whole text and <see cref="SampledCutsPerSource"/> of <see cref="PrefixLengths"/>, drawn with a seed of <see cref="Seed"/> and <paramref name="name"/>; ascending.</summary>
    private static IEnumerable<int> SampledPrefixLengths(string name, string text)
    {
        var cuts = PrefixLengths(text).Where(length => length < text.Length).ToList();
        var random = new Random(Seed ^ StableHash(name));
        var sample = new SortedSet<int> { text.Length };
        while (cuts.Count > 0 && sample.Count <= SampledCutsPerSource)
        {
            var index = random.Next(cuts.Count);
            sample.Add(cuts[index]);
            cuts.RemoveAt(index);
        }

        return sample;
    }

    /// <summary>FNV-1a over the name's characters: the same on every run and platform (string.GetHashCode is randomized per process).</summary>
    private static int StableHash(string name)
    {
        var hash = 2166136261;
        foreach (var character in name.Replace('\\', '/'))
        {
            hash = (hash ^ character) * 16777619;
        }

        return unchecked((int)hash);
    }

    /// <summary>The lengths of the prefixes: after each line break, each 97th character, and the whole text; distinct, ascending.</summary>
    private static IEnumerable<int> PrefixLengths(string text)
    {
        var lengths = new SortedSet<int> { text.Length };
        for (var index = 0; index < text.Length; index++)
        {
            if (text[index] == '\n')
            {
                lengths.Add(index + 1);
            }
        }

        for (var length = CharacterStep; length < text.Length; length += CharacterStep)
        {
            lengths.Add(length);
        }

        return lengths;
    }
}

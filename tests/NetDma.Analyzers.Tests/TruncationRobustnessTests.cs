using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using NetDma.Analyzers.Tests.Support;
using Xunit.Abstractions;

namespace NetDma.Analyzers.Tests;

/// <summary>
/// Half-typed code, as an IDE sees it: every analyzer of the assembly runs over every prefix of every test source
/// (<see cref="TestSourceCorpus"/>), every file of src/ReferenceProvider and of samples/, cut at every line boundary and at every
/// 97th character, and throws nothing (no analyzer exception, no AD0001). All analyzers run together per prefix.
/// </summary>
public sealed class TruncationRobustnessTests(ITestOutputHelper output)
{
    private const int CharacterStep = 97;

    [Fact]
    public async Task Every_analyzer_survives_every_prefix_of_every_test_sample_and_reference_provider_file()
    {
        var sources = TestSourceCorpus.Load().ToList();
        Assert.NotEmpty(sources);
        var providerFiles = RepositoryFiles.CSharpFiles("src/ReferenceProvider").Concat(RepositoryFiles.CSharpFiles("samples")).ToList();
        Assert.NotEmpty(providerFiles);
        sources.AddRange(providerFiles.Select(path => (Path.GetRelativePath(RepositoryFiles.Root, path), File.ReadAllText(path))));

        var work = sources.SelectMany(source => PrefixLengths(source.Text).Select(length => (source.Name, Text: source.Text[..length]))).ToList();
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

        output.WriteLine($"{work.Count} truncations of {sources.Count} sources ({providerFiles.Count} reference provider and sample files), {analyzers.Length} analyzers each: {failures.Count} analyzer exceptions.");
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine + Environment.NewLine, failures.Take(5)));
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

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NetDma.Benchmarks;

/// <summary>
/// A provider corpus of about a given number of lines, for the analyzers' cost at scale (issue 9): copies of this
/// repository's real drivers, each copy in its own namespace — the reference NetDMA provider (channel table, copy
/// engine, ISR and DPCs, spin locks, raises and lowers, helpers, lambdas), the reference WDM bus-master driver
/// (AllocateAdapterChannel, map registers, AdapterControl) and the minimal sample provider. Real provider code rather
/// than generated shapes, so every rule has its usual work; every line is provider code, the analyzers' worst case
/// (a real project also holds code the pre-filter skips).
/// </summary>
internal sealed class AnalyzerCorpus
{
    private AnalyzerCorpus(IReadOnlyList<SyntaxTree> trees, int lines, int units)
    {
        Trees = trees;
        Lines = lines;
        Units = units;
    }

    /// <summary>The corpus's syntax trees.</summary>
    public IReadOnlyList<SyntaxTree> Trees { get; }

    /// <summary>Its lines, blank and comment lines included (as a line count of a project is usually given).</summary>
    public int Lines { get; }

    /// <summary>How many copies of the drivers it holds.</summary>
    public int Units { get; }

    /// <summary>The smallest corpus of whole copies with at least <paramref name="lines"/> lines.</summary>
    public static AnalyzerCorpus Create(int lines)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lines);
        var root = RepositoryRoot.Find();
        var unit = AnalyzerCompilations.SourceFiles(Path.Combine(root, "src", "ReferenceProvider"))
            .Concat(AnalyzerCompilations.SourceFiles(Path.Combine(root, "samples", "NetDma.Samples.MinimalProvider")))
            .Select(path => (Name: Path.GetRelativePath(root, path), Text: File.ReadAllText(path)))
            .ToList();
        var unitLines = unit.Sum(file => LineCount(file.Text));
        var units = (lines + unitLines - 1) / unitLines;
        var trees = new List<SyntaxTree>(units * unit.Count);
        for (var i = 0; i < units; i++)
        {
            // Each copy's namespaces are its own, so the copies are distinct types, as distinct providers are.
            trees.AddRange(unit.Select(file => CSharpSyntaxTree.ParseText(
                file.Text.Replace("NetDma.ReferenceProvider", $"Corpus.Unit{i}.ReferenceProvider", StringComparison.Ordinal)
                    .Replace("NetDma.Samples.MinimalProvider", $"Corpus.Unit{i}.MinimalProvider", StringComparison.Ordinal),
                path: $"unit{i}/{file.Name}")));
        }

        return new AnalyzerCorpus(trees, units * unitLines, units);
    }

    private static int LineCount(string text) => text.Count(c => c == '\n') + (text.EndsWith('\n') ? 0 : 1);
}

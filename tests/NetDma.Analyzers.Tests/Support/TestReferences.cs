using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace NetDma.Analyzers.Tests.Support;

/// <summary>
/// What test compilations reference: the .NET 10 reference assemblies (Basic.Reference.Assemblies; the testing
/// library's own ref-pack download is not served here, GUIDE.md §4) and NetDma.Contracts.
/// </summary>
public static class TestReferences
{
    /// <summary>net10.0 with no package to download; the references come from <see cref="Apply"/>.</summary>
    public static ReferenceAssemblies Net100 { get; } = new("net10.0");

    /// <summary>NetDma.Contracts, as a provider author's project references it.</summary>
    public static MetadataReference Contracts { get; } =
        MetadataReference.CreateFromFile(typeof(NetDma.Contracts.NetDma.INetDma).Assembly.Location);

    /// <summary>Adds the framework and the contracts to a test state.</summary>
    public static void Apply(SolutionState state)
    {
        state.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        state.AdditionalReferences.Add(Contracts);
    }
}

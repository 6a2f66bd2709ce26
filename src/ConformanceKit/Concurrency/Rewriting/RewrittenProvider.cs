using System.Reflection;
using System.Runtime.Loader;

namespace NetDma.ConformanceKit.Concurrency.Rewriting;

/// <summary>
/// A provider's rewritten copy (<see cref="ProviderRewriter"/>): the assembly to load and the names of the provider's
/// own assemblies, which come from the copy; everything else (NetDma.Contracts, Coyote, the framework) is the kit's.
/// </summary>
/// <param name="AssemblyPath">The rewritten provider assembly in the cache.</param>
/// <param name="OriginalPath">The provider assembly it was rewritten from.</param>
/// <param name="OwnAssemblies">Simple names of the provider's own (rewritten) assemblies.</param>
internal sealed record RewrittenProvider(string AssemblyPath, string OriginalPath, IReadOnlySet<string> OwnAssemblies)
{
    /// <summary>
    /// Loads the rewritten copy in a load context of its own, so it never collides with an unrewritten copy of the
    /// same assembly already loaded (the kit carries the reference provider), while the contract types and the Coyote
    /// runtime it calls are the kit's own.
    /// </summary>
    public Assembly Load() => new RewrittenLoadContext(this).LoadFromAssemblyPath(AssemblyPath);

    private sealed class RewrittenLoadContext : AssemblyLoadContext
    {
        private readonly RewrittenProvider provider;

        public RewrittenLoadContext(RewrittenProvider provider)
            : base($"rewritten {Path.GetFileName(provider.OriginalPath)}")
        {
            this.provider = provider;
            // An assembly the kit process carries but this one does not (a worker rewriting on the kit's behalf: the
            // reference provider a provider builds on) is loaded as built from beside the provider, in the default
            // context, as this process would load it without rewriting.
            Resolving += (_, name) => name.Name is { } simple && Path.Combine(Path.GetDirectoryName(provider.OriginalPath)!, simple + ".dll") is var beside && File.Exists(beside)
                ? Default.LoadFromAssemblyPath(beside)
                : null;
        }

        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name is { } name && provider.OwnAssemblies.Contains(name)
                ? LoadFromAssemblyPath(Path.Combine(Path.GetDirectoryName(provider.AssemblyPath)!, name + ".dll"))
                : null; // the kit's: NetDma.Contracts, Microsoft.Coyote, the framework
    }
}

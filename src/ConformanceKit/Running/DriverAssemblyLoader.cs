using System.Reflection;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Running;

/// <summary>
/// Finds the driver classes in a provider author's assembly: public, non-abstract types implementing
/// <see cref="INetDmaProviderDriver"/> or <see cref="IWdmDmaDriver"/> with a public parameterless constructor.
/// </summary>
public static class DriverAssemblyLoader
{
    /// <summary>Loads <paramref name="path"/> and builds a factory for the driver types it holds.</summary>
    /// <param name="path">Path of the provider assembly (.dll).</param>
    /// <param name="typeName">Optional full or short type name, when the assembly holds several drivers of a kind.</param>
    /// <exception cref="DriverLoadException">The file is missing or not an assembly, or it holds no (or several) matching driver types.</exception>
    public static IDriverFactory Load(string path, string? typeName = null) => Load(path, typeName, rewriter: null);

    /// <summary>
    /// Loads <paramref name="path"/>, or with a <paramref name="rewriter"/> its rewritten copy (schedule exploration:
    /// Coyote controls the provider's own field accesses, locks and waits), and builds a factory for its driver types.
    /// </summary>
    /// <param name="path">Path of the provider assembly (.dll).</param>
    /// <param name="typeName">Optional full or short type name, when the assembly holds several drivers of a kind.</param>
    /// <param name="rewriter">Rewrites a copy of the provider's own assemblies first, or null to load them as they are.</param>
    /// <exception cref="DriverLoadException">The file is missing or not an assembly, it holds no (or several) matching driver types, or the rewriter failed.</exception>
    public static IDriverFactory Load(string path, string? typeName, Concurrency.Rewriting.ProviderRewriter? rewriter)
    {
        if (!File.Exists(path))
        {
            throw new DriverLoadException($"provider assembly '{path}' does not exist");
        }

        Assembly assembly;
        try
        {
            assembly = rewriter is null ? Assembly.LoadFrom(Path.GetFullPath(path)) : rewriter.Rewrite(path).Load();
        }
        catch (BadImageFormatException)
        {
            throw new DriverLoadException($"'{path}' is not a .NET assembly");
        }

        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or FileNotFoundException or FileLoadException)
        {
            throw new DriverLoadException($"'{path}' could not be loaded: {e.Message} (is NetDma.Contracts beside it?)");
        }

        var candidates = types.Where(t => t is { IsClass: true, IsAbstract: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .Where(t => typeName is null || t.FullName == typeName || t.Name == typeName)
            .ToList();
        var netDma = Single<INetDmaProviderDriver>(candidates, path);
        var wdm = Single<IWdmDmaDriver>(candidates, path);
        if (netDma is null && wdm is null)
        {
            throw new DriverLoadException(
                $"'{path}' has no public class with a parameterless constructor implementing INetDmaProviderDriver or IWdmDmaDriver" +
                (typeName is null ? "" : $" named '{typeName}'"));
        }

        return new TypeDriverFactory(netDma, wdm) { IsRewritten = rewriter is not null };
    }

    private static Type? Single<TDriver>(List<Type> candidates, string path)
    {
        var matches = candidates.Where(t => typeof(TDriver).IsAssignableFrom(t)).ToList();
        return matches.Count switch
        {
            0 => null,
            1 => matches[0],
            _ => throw new DriverLoadException(
                $"'{path}' has several {typeof(TDriver).Name} classes ({string.Join(", ", matches.Select(t => t.FullName))}); choose one with --provider-type"),
        };
    }
}

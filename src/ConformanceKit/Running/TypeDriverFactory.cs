using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Running;

/// <summary>Creates drivers from types with public parameterless constructors.</summary>
/// <param name="netDmaDriver">A type implementing <see cref="INetDmaProviderDriver"/>, or null.</param>
/// <param name="wdmDriver">A type implementing <see cref="IWdmDmaDriver"/>, or null.</param>
public sealed class TypeDriverFactory(Type? netDmaDriver, Type? wdmDriver) : IDriverFactory
{
    /// <summary>True when the types come from a copy rewritten for schedule exploration (<see cref="Concurrency.Rewriting.ProviderRewriter"/>).</summary>
    public bool IsRewritten { get; init; }

    /// <inheritdoc/>
    public string Name => string.Join(" + ", new[] { netDmaDriver, wdmDriver }.OfType<Type>().Select(t => t.FullName));

    /// <inheritdoc/>
    public INetDmaProviderDriver? CreateNetDmaDriver() =>
        netDmaDriver is null ? null : (INetDmaProviderDriver)Activator.CreateInstance(netDmaDriver)!;

    /// <inheritdoc/>
    public IWdmDmaDriver? CreateWdmDriver() =>
        wdmDriver is null ? null : (IWdmDmaDriver)Activator.CreateInstance(wdmDriver)!;
}

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3025: in IRP_MN_FILTER_RESOURCE_REQUIREMENTS it asks for every MSI-X message on CPU 0 instead of the
/// CPUs NetDMA passed to ProviderSetDmaChannelCpuAffinity (a filter written before affinities were supported).
/// </summary>
public sealed class AffinityIgnoringProvider : BrokenNetDmaProvider
{
    public override IReadOnlyList<uint> FilterResourceRequirements() => [.. base.FilterResourceRequirements().Select(_ => 0u)];
}

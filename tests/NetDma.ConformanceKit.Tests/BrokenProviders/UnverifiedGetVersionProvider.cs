using NetDma.Contracts.Ndis;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3021: takes NetDmaGetVersion's presence for granted and calls the import directly, without
/// NdisGetRoutineAddress first (on NetDMA 1.0 such a driver would not even load).
/// </summary>
public sealed class UnverifiedGetVersionProvider : BrokenNetDmaProvider
{
    protected override INdis WrapNdis(INdis ndis) => new AssumedPresent(this);

    private sealed class AssumedPresent(UnverifiedGetVersionProvider provider) : INdis
    {
        public Delegate? NdisGetRoutineAddress(string NdisRoutineName) => new Func<uint>(provider.Environment.NetDma.NetDmaGetVersion);
    }
}

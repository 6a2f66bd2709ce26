using NetDma.ConformanceKit.Catalog;
using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Ndis;
using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Host;

// NDIS's routine lookup. The host serves it because the one routine a provider looks up is NetDMA's NetDmaGetVersion,
// which NetDMA 1.0 does not export (nf-netdma-netdmagetversion.md): the host needs to know whether the provider found
// it before calling it (NDMA3021).
public sealed partial class NetDmaHost : INdis
{
    private const string GetVersionPage = "nf-netdma-netdmagetversion.md";
    private static readonly IrqlRequirement GetRoutineAddressIrql =
        IrqlRequirement.Of(typeof(INdis).GetMethod(nameof(INdis.NdisGetRoutineAddress))!);

    /// <summary>Null until the provider looks NetDmaGetVersion up; then whether NdisGetRoutineAddress returned its entry point.</summary>
    private bool? _getVersionFound;

    /// <inheritdoc/>
    /// <remarks>Resolves only <c>NetDmaGetVersion</c>, and only on NetDMA 1.1 and later (<see cref="HostOptions.ExportsNetDmaGetVersion"/>).</remarks>
    public Delegate? NdisGetRoutineAddress(string NdisRoutineName)
    {
        // One trace entry with the answer: the lookup is bookkeeping, and the tail a violation quotes is short.
        var found = NdisRoutineName == nameof(INetDma.NetDmaGetVersion) && Options.ExportsNetDmaGetVersion;
        Trace($"cpu{Kernel.CurrentProcessor} {Kernel.CurrentIrql.ToDdiName()} provider -> NdisGetRoutineAddress(\"{NdisRoutineName}\") = {(found ? "its entry point" : "NULL")}");
        Kernel.CheckCallerIrql(nameof(NdisGetRoutineAddress), GetRoutineAddressIrql, GetVersionPage);
        if (NdisRoutineName == nameof(INetDma.NetDmaGetVersion))
        {
            _getVersionFound = found;
        }

        return found ? new Func<uint>(NetDmaGetVersion) : null;
    }

    /// <summary>NDMA3021: NetDmaGetVersion is called only once NdisGetRoutineAddress returned its entry point.</summary>
    private void CheckGetVersionLookedUp()
    {
        Log.Checked(LifecycleRules.GetVersionLookedUp);
        if (_getVersionFound == true)
        {
            return;
        }

        var absent = Options.ExportsNetDmaGetVersion ? "" : $"; NetDMA {Options.NetDmaMajor}.{Options.NetDmaMinor} does not export it";
        Log.Report(LifecycleRules.GetVersionLookedUp, "NetDmaGetVersion called only after NdisGetRoutineAddress(\"NetDmaGetVersion\") returned its entry point",
            _getVersionFound is null
                ? $"NetDmaGetVersion called without looking it up with NdisGetRoutineAddress first{absent}"
                : $"NetDmaGetVersion called after NdisGetRoutineAddress(\"NetDmaGetVersion\") returned NULL{absent}",
            GetVersionPage);
    }
}

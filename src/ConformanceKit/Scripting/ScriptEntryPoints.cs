using System.Reflection;
using NetDma.ConformanceKit.Catalog;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// The driver entry point each PnP command and channel operation drives, read from the contract interfaces
/// (INetDmaProviderDriver, INetDmaProvider, IWdmDmaDriver), so <c>assert_status</c> can be checked against the
/// entry point's real return type instead of a second table.
/// </summary>
internal static class ScriptEntryPoints
{
    /// <summary>The entry point <paramref name="keyword"/> calls for a <paramref name="driverKind"/> driver, or null when that driver has none.</summary>
    public static MethodInfo? For(string keyword, string driverKind) =>
        driverKind == DriverCommand.Wdm ? ForWdm(keyword) : ForNetDma(keyword);

    /// <summary>True when the entry point returns an NTSTATUS, so <c>assert_status</c> can follow it.</summary>
    public static bool ReturnsStatus(MethodInfo method) => method.ReturnType == typeof(NtStatus);

    /// <summary>The DDI role name (ProviderFreeDmaChannel) or, for PnP entry points, <c>Interface.Method</c>.</summary>
    public static string Describe(MethodInfo method) =>
        DdiContract.TryRead(method)?.Role ?? $"{method.DeclaringType?.Name}.{method.Name}";

    /// <summary>The C-style return type name: <c>VOID</c>, <c>NTSTATUS</c> or the type's name.</summary>
    public static string ReturnTypeName(MethodInfo method) =>
        method.ReturnType == typeof(void) ? "VOID"
        : method.ReturnType == typeof(NtStatus) ? "NTSTATUS"
        : method.ReturnType.Name;

    /// <summary>IRP_MN_SET_POWER: the optional <see cref="IDevicePowerDriver"/> of either driver kind.</summary>
    private static MethodInfo SetPower => typeof(IDevicePowerDriver).GetMethod(nameof(IDevicePowerDriver.SetPower))!;

    private static MethodInfo? ForNetDma(string keyword) => keyword switch
    {
        ScriptKeywords.AddDevice => typeof(INetDmaProviderDriver).GetMethod(nameof(INetDmaProviderDriver.AddDevice)),
        ScriptKeywords.StartDevice => typeof(INetDmaProviderDriver).GetMethod(nameof(INetDmaProviderDriver.StartDevice)),
        ScriptKeywords.StopDevice => typeof(INetDmaProviderDriver).GetMethod(nameof(INetDmaProviderDriver.StopDevice)),
        ScriptKeywords.RemoveDevice => typeof(INetDmaProviderDriver).GetMethod(nameof(INetDmaProviderDriver.RemoveDevice)),
        ScriptKeywords.SetPower => SetPower,
        ScriptKeywords.Allocate => typeof(INetDmaProvider).GetMethod(nameof(INetDmaProvider.AllocateDmaChannel)),
        ScriptKeywords.Free => typeof(INetDmaProvider).GetMethod(nameof(INetDmaProvider.FreeDmaChannel)),
        ScriptKeywords.Start => typeof(INetDmaProvider).GetMethod(nameof(INetDmaProvider.StartDma)),
        ScriptKeywords.Append => typeof(INetDmaProvider).GetMethod(nameof(INetDmaProvider.AppendDma)),
        ScriptKeywords.Suspend => typeof(INetDmaProvider).GetMethod(nameof(INetDmaProvider.SuspendDma)),
        ScriptKeywords.Resume => typeof(INetDmaProvider).GetMethod(nameof(INetDmaProvider.ResumeDma)),
        ScriptKeywords.Abort => typeof(INetDmaProvider).GetMethod(nameof(INetDmaProvider.AbortDma)),
        ScriptKeywords.Reset => typeof(INetDmaProvider).GetMethod(nameof(INetDmaProvider.ResetChannel)),
        _ => null,
    };

    // IWdmDmaDriver is looked up by the PnP minor-function names; a name the interface lacks (it has no StopDevice
    // today) yields null, and the parser then rejects that command for WDM scripts.
    private static MethodInfo? ForWdm(string keyword) => keyword switch
    {
        ScriptKeywords.AddDevice => typeof(IWdmDmaDriver).GetMethod(nameof(IWdmDmaDriver.AddDevice)),
        ScriptKeywords.StartDevice => typeof(IWdmDmaDriver).GetMethod(nameof(IWdmDmaDriver.StartDevice)),
        ScriptKeywords.StopDevice => typeof(IWdmDmaDriver).GetMethod("StopDevice"),
        ScriptKeywords.RemoveDevice => typeof(IWdmDmaDriver).GetMethod(nameof(IWdmDmaDriver.RemoveDevice)),
        ScriptKeywords.SetPower => SetPower,
        _ => null,
    };
}

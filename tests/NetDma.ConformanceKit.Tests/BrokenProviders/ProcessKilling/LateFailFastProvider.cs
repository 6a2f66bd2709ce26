using NetDma.Contracts.NetDma;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Tests.BrokenProviders.ProcessKilling;

/// <summary>
/// The reference provider that ends its process with <see cref="Environment.FailFast(string)"/> in its
/// <see cref="CrashingAllocation"/>th ProviderAllocateDmaChannel: a crash after many observations (the allocations,
/// transfers and frees before it), every one of which the kit must still report. Loaded only in a worker process.
/// </summary>
public class LateFailFastProvider : BrokenNetDmaProvider
{
    /// <summary>The allocation that does not return (1-based).</summary>
    public const int CrashingAllocation = 7;

    /// <summary>The message FailFast prints.</summary>
    public const string Message = "allocation table corrupted after six good allocations";

    private int _allocations;

    /// <summary>What the crashing allocation does instead of allocating; it does not return normally.</summary>
    protected virtual void Misbehave() => System.Environment.FailFast(Message);

    protected sealed override void Break(NetDmaProviderCharacteristics characteristics)
    {
        var allocate = characteristics.AllocateDmaChannel!;
        characteristics.AllocateDmaChannel = (object providerContext, NetDmaChannelParameters parameters, NetDmaChannelHandle handle, out object? context) =>
        {
            if (++_allocations == CrashingAllocation)
            {
                Misbehave();
                context = null;
                return NtStatus.STATUS_UNSUCCESSFUL;
            }

            return allocate(providerContext, parameters, handle, out context);
        };
    }
}

using NetDma.Contracts.Kernel;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.Samples.MinimalProvider;

/// <summary>
/// One entry of the provider's channel table: what the driver keeps for a hardware channel, then the channel's engine
/// registers, which only <see cref="CopyEngine"/> interprets. The provider's spin lock serializes the driver's writes,
/// and the command handshake (<see cref="Held"/>, <see cref="Stepping"/>) keeps them out of an engine step; the
/// interrupt bit is the exception: the engine sets it and the ISR clears it (at DIRQL, where no spin lock may be taken).
/// </summary>
internal sealed class Channel
{
    public readonly KDpc Dpc = new();           // The interrupt DPC: NetDmaInterruptDpc runs on CpuNumber (NDMA3005).
    public NetDmaChannelHandle? Owner;          // NetDMA's handle of the allocation owning the channel; null when free.
    public uint DpcCpu, AffinityCpu;            // Where the DPC runs; where NetDMA wants the MSI-X message to go.
    public uint? InterruptCpu;                  // Where the granted MSI-X message goes (null: line-based interrupt).
    public bool DpcRequested;                   // Set by the ISR; cleared by the DPC and by ProviderFreeDmaChannel.
    public int Reporting;                       // ISRs and DPCs reporting for the owner now: a free waits for none.

    public uint MessageId;                      // Engine: the interrupt it signals (MSI-X message, or 0 line-based).
    public PhysicalAddress CompletionAddress;   // Engine: where it writes the completion status (NULL for none).
    public bool StatusOn;                       // Engine: a descriptor asked for status: suspend/abort/reset report too.
    public bool Running, Suspended, Faulted;    // Engine: run state; after a fault the DPC reports a NULL descriptor.
    public bool Reload;                         // Engine: after a resume, reread Last for its new NextDescriptor first.
    public PhysicalAddress Next, Last;          // Engine: next to fetch; last processed since the latest start (or NULL).
    public uint Remaining;                      // Engine, NetDMA 2.0: descriptors submitted and not yet processed.
    public int Held, Stepping;                  // Engine: commands the driver holds open; 1 while a step runs.
    public bool Halting;                        // Engine: the open command is an abort, a reset or a free.
    public bool InterruptPending;               // Engine: the read-to-clear interrupt status bit ...
    public PhysicalAddress InterruptDescriptor; // ... and the descriptor it is about.
}

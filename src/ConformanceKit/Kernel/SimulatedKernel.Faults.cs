using NetDma.ConformanceKit.Faults;

namespace NetDma.ConformanceKit.Kernel;

/// <summary>Fault injection: the plan the kernel's injection points consult (docs/faults.md).</summary>
public sealed partial class SimulatedKernel
{
    /// <summary>
    /// The faults to inject, or null for none. Consulted by ExAllocatePool2 (<c>pool</c>), IoGetDmaAdapter
    /// (<c>map-registers</c>), IoConnectInterruptEx (<c>connect-interrupt</c>), <see cref="RaiseSpuriousInterrupts"/>
    /// (<c>interrupt</c>) and the devices' bus reads (<c>dma-read</c>, <see cref="DeviceBus.DmaRead"/>).
    /// </summary>
    public FaultPlan? Faults { get; set; }

    /// <summary>
    /// Under an <c>interrupt:spurious=N</c> fault: every device with a connected ISR raises N interrupts that signal no
    /// completion, spread over its granted messages in order; they are delivered like any other (<see cref="DeliverInterrupts"/>).
    /// </summary>
    /// <returns>The number of interrupts raised.</returns>
    public int RaiseSpuriousInterrupts()
    {
        if (Faults is null)
        {
            return 0;
        }

        var raised = 0;
        foreach (var device in _connections.Keys)
        {
            var messages = _resources[device].Interrupts;
            var count = Faults.SpuriousInterrupts($"{device} (interrupt messages {string.Join(", ", messages.Select(m => m.MessageId))})");
            for (var i = 0; i < count; i++)
            {
                QueueInterrupt(_devices[device], messages[i % messages.Count].MessageId);
                raised++;
            }
        }

        return raised;
    }
}

using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.Kernel;

/// <summary>
/// <c>KMESSAGE_SERVICE_ROUTINE</c>: an interrupt service routine, run at DIRQL on the processor the interrupt targets.
/// For MSI-X the message's target processor; for a line-based interrupt the processor the platform routes it to.
/// Returns true when the device raised the interrupt. A NetDMA provider calls NetDmaIsr from here.
/// </summary>
/// <param name="Interrupt">The interrupt object.</param>
/// <param name="ServiceContext">The context given to IoConnectInterruptEx.</param>
/// <param name="MessageId">The message (0 for a line-based interrupt).</param>
/// <returns>True when the interrupt was the device's.</returns>
[IrqlRequires(Irql.DIRQL)]
public delegate bool KMessageServiceRoutine(KInterrupt Interrupt, object? ServiceContext, uint MessageId);

namespace NetDma.Contracts.Platform;

/// <summary>
/// The resources of IRP_MN_START_DEVICE, reduced to interrupts: with MSI-X, one message per requested target
/// processor (as asked in FilterResourceRequirements); without MSI-X, one line-based interrupt whose processor the
/// platform chooses, so only DPCs can be steered (nc-netdma-dma_channels_cpu_affinity_handler.md).
/// </summary>
/// <param name="MessageSignaled">True when the interrupts are MSI-X messages.</param>
/// <param name="Interrupts">The granted interrupts.</param>
public sealed record DeviceResources(bool MessageSignaled, IReadOnlyList<InterruptMessage> Interrupts);

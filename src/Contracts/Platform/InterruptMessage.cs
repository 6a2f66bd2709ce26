namespace NetDma.Contracts.Platform;

/// <summary>One interrupt the platform granted the device at start.</summary>
/// <param name="MessageId">MSI-X message number, or 0 for the line-based interrupt.</param>
/// <param name="TargetProcessor">CPU number (not a mask) the interrupt is delivered to.</param>
public readonly record struct InterruptMessage(uint MessageId, uint TargetProcessor);

namespace NetDma.Contracts.Kernel;

/// <summary>An interrupt object (<c>KINTERRUPT</c>) returned by IoConnectInterruptEx. Opaque.</summary>
public sealed class KInterrupt
{
}

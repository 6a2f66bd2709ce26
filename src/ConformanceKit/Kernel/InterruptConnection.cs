using NetDma.Contracts.Kernel;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Kernel;

/// <summary>An ISR connected with IoConnectInterruptEx to a device's granted interrupts.</summary>
/// <param name="Device">The PDO.</param>
/// <param name="Interrupt">The interrupt object handed to the driver.</param>
/// <param name="ServiceRoutine">The ISR.</param>
/// <param name="ServiceContext">Its context.</param>
internal sealed record InterruptConnection(DeviceObject Device, KInterrupt Interrupt, KMessageServiceRoutine ServiceRoutine, object? ServiceContext);

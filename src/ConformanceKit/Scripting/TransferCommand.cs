namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>transfer src+0 8192 to_device</c> | <c>from_device</c>: queue a transfer IRP to the WDM driver; its StartIo
/// routine receives it at DISPATCH_LEVEL (nc-wdm-driver_startio.md). Only with <c>driver wdm</c>.
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="Buffer">Start of the memory the IRP's MDL describes.</param>
/// <param name="Length">Bytes to transfer, at least 1, within the buffer.</param>
/// <param name="WriteToDevice">True for <c>to_device</c> (memory to device, a write request); false for <c>from_device</c>.</param>
public sealed record TransferCommand(SourceLocation Location, BufferRef Buffer, uint Length, bool WriteToDevice)
    : ScriptCommand(Location);

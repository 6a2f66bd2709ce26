namespace NetDma.ConformanceKit.Kernel;

/// <summary>
/// One line of work that runs at the same time as others (<see cref="SimulatedKernel.RunConcurrently"/>): driver calls
/// issued on processor <see cref="Cpu"/>, or hardware progress when <see cref="Cpu"/> is null.
/// </summary>
/// <param name="Cpu">The CPU number the work is issued from; null for the hardware (the engines).</param>
/// <param name="Body">The work: a NetDMA handler call through the host, or a hardware run.</param>
internal sealed record ConcurrentLane(uint? Cpu, Action Body);

using NetDma.Contracts.Annotations;

namespace NetDma.ConformanceKit.Kernel;

/// <summary>
/// One entry of the simulated call stack: driver code the system called on a processor at an IRQL
/// (<see cref="SimulatedKernel.InvokeDriver"/>), or a hardware engine step (<see cref="Hardware"/>), which has no
/// processor context at all.
/// </summary>
/// <param name="Cpu">The processor the code runs on (0 for hardware, which has none).</param>
/// <param name="EntryIrql">The IRQL the routine was called at.</param>
/// <param name="Routine">The routine's role name, e.g. <c>DPC (KDEFERRED_ROUTINE)</c>.</param>
/// <param name="Page">The page stating the routine's contract.</param>
/// <param name="LockSequenceAtEntry">Spin-lock holds numbered above this were taken inside the routine.</param>
/// <param name="Hardware">True for an engine step.</param>
internal readonly record struct DriverFrame(uint Cpu, Irql EntryIrql, string Routine, string Page, long LockSequenceAtEntry, bool Hardware);

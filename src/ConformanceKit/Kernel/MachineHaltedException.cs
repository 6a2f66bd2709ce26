namespace NetDma.ConformanceKit.Kernel;

/// <summary>
/// Unwinds every processor of a machine that can make no more progress (a spin-lock deadlock, already reported): on
/// Windows the processors would spin forever; the kit stops the script's concurrent block instead, so the run goes on.
/// </summary>
/// <param name="reason">What halted the machine, for the script's report.</param>
internal sealed class MachineHaltedException(string reason) : Exception(reason);

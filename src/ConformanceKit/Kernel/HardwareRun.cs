namespace NetDma.ConformanceKit.Kernel;

/// <summary>What one <see cref="SimulatedKernel.RunHardware"/> did; a value, since the data path runs the hardware after every submission.</summary>
/// <param name="StepsTaken">Engine steps taken (idle steps included).</param>
/// <param name="Idle">True when it stopped because a full round of steps did no work, delivered no interrupt and ran
/// no DPC; false when it stopped at the step limit.</param>
public readonly record struct HardwareRun(int StepsTaken, bool Idle)
{
    /// <summary>Interrupts delivered to ISRs during the run.</summary>
    public int InterruptsDelivered { get; init; }

    /// <summary>DPC routines run during the run.</summary>
    public int DpcsRun { get; init; }
}

namespace NetDma.Contracts.Platform;

/// <summary>
/// A device's hardware engine, advanced by the simulated platform's hardware clock (not a DDI). Hardware runs
/// concurrently with software on a real machine; the simulation interleaves it deterministically, one unit of work
/// (one descriptor) per step, between the software calls a script makes.
/// </summary>
public interface ISimulatedEngine
{
    /// <summary>
    /// Do one unit of work (process one descriptor on one channel). Runs with no IRQL (it is hardware); it may only
    /// touch memory through <see cref="IDeviceBus"/> and signal interrupts.
    /// </summary>
    /// <returns>True when work was done; false when the engine is idle.</returns>
    bool Step();
}

namespace NetDma.ConformanceKit.Exploration;

/// <summary>
/// Which optional handlers the provider has (ns-netdma-_net_dma_provider_characteristics.md: SuspendDma, ResumeDma,
/// AbortDma and ResetChannel may be NULL). The generator only draws operations the provider has; the explorer learns
/// them by probing (a script that needs a missing handler is skipped by the runner with the reason).
/// </summary>
/// <param name="SuspendResume">ProviderSuspendDma and ProviderResumeDma (a provider with SuspendDma must have ResumeDma).</param>
/// <param name="Abort">ProviderAbortDma.</param>
/// <param name="Reset">ProviderResetChannel.</param>
public sealed record ProviderCapabilities(bool SuspendResume, bool Abort, bool Reset)
{
    /// <summary>Every optional handler present, as in the reference provider.</summary>
    public static ProviderCapabilities All { get; } = new(true, true, true);

    /// <summary>No optional handler: only allocate, free, start, append and the hardware steps are generated.</summary>
    public static ProviderCapabilities None { get; } = new(false, false, false);

    /// <summary>The handlers present, e.g. <c>suspend/resume, abort, reset</c>, or <c>none</c>.</summary>
    public override string ToString()
    {
        var names = new List<string>();
        if (SuspendResume)
        {
            names.Add("suspend/resume");
        }

        if (Abort)
        {
            names.Add("abort");
        }

        if (Reset)
        {
            names.Add("reset");
        }

        return names.Count == 0 ? "none" : string.Join(", ", names);
    }
}

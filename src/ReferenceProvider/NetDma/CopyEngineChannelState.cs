namespace NetDma.ReferenceProvider.NetDma;

/// <summary>The run state of one channel of the <see cref="CopyEngine"/> (its status register).</summary>
public enum CopyEngineChannelState
{
    /// <summary>Not started: just assigned, aborted, reset or released. Only a start command makes it run.</summary>
    Stopped,

    /// <summary>Started: processes descriptors while it has any (including "at the end of the chain, waiting for an append").</summary>
    Running,

    /// <summary>Suspended by ProviderSuspendDma: processes nothing until ProviderResumeDma (nc-netdma-dma_suspend_handler.md).</summary>
    Suspended,

    /// <summary>Halted by a bus error (a descriptor or buffer it could not reach): processes nothing until a new start.</summary>
    Faulted,
}

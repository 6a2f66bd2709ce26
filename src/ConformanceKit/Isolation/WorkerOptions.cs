using NetDma.ConformanceKit.Running;

namespace NetDma.ConformanceKit.Isolation;

/// <summary>How <see cref="WorkerScriptRunner"/> starts and watches its worker processes.</summary>
public sealed record WorkerOptions
{
    /// <summary>The worker assembly's file name, looked up beside the kit's own assemblies.</summary>
    public const string WorkerAssemblyName = "netdma-kit-worker.dll";

    /// <summary>How long one script may run in the worker before it is killed and its driver reported hung (NDMA2003).</summary>
    public TimeSpan Watchdog { get; init; } = ConformanceRun.DefaultWatchdog;

    /// <summary>Faults injected into every script the worker runs (docs/faults.md), or null for none; sent with each script.</summary>
    public Faults.FaultSpec? Faults { get; init; }

    /// <summary>
    /// Schedule exploration of every script (<c>--schedules</c>, or <c>--replay</c>'s one recorded schedule), run inside
    /// the worker by the same explorer as <c>--in-process</c>; null for sequential mode. Sent with each script, like
    /// <see cref="Faults"/>. The watchdog then applies to each schedule (<see cref="Running.ScheduleWatchdog"/>).
    /// </summary>
    public Concurrency.ScheduleOptions? Schedules { get; init; }

    /// <summary>
    /// Rewrites a copy of the provider's assemblies with Coyote's rewriter in the worker before it loads them (schedule
    /// exploration of a provider assembly; the rewriter's cache, by assembly hash, is shared by every worker and with
    /// <c>--in-process</c>), or null to load the provider as built (sequential mode, the bundled reference provider).
    /// </summary>
    public Concurrency.Rewriting.ProviderRewriter? Rewriter { get; init; }

    /// <summary>The worker assembly (<see cref="WorkerAssemblyName"/>); null looks for it beside the kit's assemblies.</summary>
    public string? WorkerPath { get; init; }

    /// <summary>
    /// The worker's managed-heap limit in bytes (the runtime's <c>DOTNET_GCHeapHardLimit</c>), so a provider that
    /// allocates without bound gets an OutOfMemoryException in its own process instead of exhausting the machine.
    /// Default 2 GiB; at least 64 MiB.
    /// </summary>
    public long HeapLimitBytes { get; init; } = 2L << 30;

    /// <summary>How long a new worker may take to connect and load the provider assembly.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Bytes of records the observation journal holds before the worker asks the kit to drain it (1 MiB: about ten
    /// thousand observations). Tests make it small to force many drains in one script.
    /// </summary>
    internal int JournalCapacity { get; init; } = 1 << 20;

    /// <summary>The worker assembly this run uses.</summary>
    internal string ResolvedWorkerPath => WorkerPath ?? Path.Combine(AppContext.BaseDirectory, WorkerAssemblyName);
}

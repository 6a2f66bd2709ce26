using NetDma.ConformanceKit.Isolation;
using NetDma.ConformanceKit.Running;
using NetDma.ReferenceProvider.NetDma;
using NetDma.ReferenceProvider.Wdm;

namespace NetDma.ConformanceKit.Cli;

/// <summary>
/// The script runner a command uses for its <c>--provider</c>, <c>--provider-type</c> and <c>--in-process</c> options:
/// a worker process holding the provider (the default), or this process (for a debugger).
/// </summary>
public static class DriverRunners
{
    /// <summary>The bundled reference drivers: the known-good baseline.</summary>
    public static IDriverFactory ReferenceDrivers { get; } = new TypeDriverFactory(typeof(ReferenceNetDmaProviderDriver), typeof(BusMasterSampleDriver));

    /// <summary>Creates the runner.</summary>
    /// <param name="provider">The provider assembly, or null for the bundled reference drivers.</param>
    /// <param name="providerType">The driver class when the assembly holds several of one kind, or null.</param>
    /// <param name="inProcess">True to run the driver in this process instead of a worker.</param>
    /// <param name="watchdog">How long one script may run.</param>
    /// <param name="faults">Faults injected into every script, or null.</param>
    /// <param name="schedules">
    /// Schedule exploration of every script, in the worker as in this process, or null for sequential mode. A provider
    /// assembly explored under schedules is loaded from a copy rewritten with Coyote's rewriter
    /// (<see cref="Concurrency.Rewriting.ProviderRewriter"/>; in the worker, by the worker, from the same cache). The
    /// bundled reference drivers are explored as built in either mode.
    /// </param>
    /// <exception cref="DriverLoadException">The provider assembly cannot be used.</exception>
    /// <exception cref="Concurrency.Rewriting.RewriterMissingException">Exploration of a provider assembly needs Coyote's rewriter, which is not installed.</exception>
    /// <exception cref="WorkerStartException">No worker could be started.</exception>
    public static IScriptRunner Create(FileInfo? provider, string? providerType, bool inProcess, TimeSpan watchdog, Faults.FaultSpec? faults = null,
        Concurrency.ScheduleOptions? schedules = null)
    {
        if (inProcess)
        {
            var factory = provider is null
                ? ReferenceDrivers
                : DriverAssemblyLoader.Load(provider.FullName, providerType, schedules is null ? null : Concurrency.Rewriting.ProviderRewriter.Create());
            return new InProcessScriptRunner(factory, watchdog, faults, schedules);
        }

        if (provider is not null && !provider.Exists)
        {
            throw new DriverLoadException($"provider assembly '{provider.FullName}' does not exist");
        }

        var source = provider is null
            ? new DriverSource(typeof(ReferenceNetDmaProviderDriver).Assembly.Location)
            : new DriverSource(provider.FullName, providerType);
        // The rewriter is located here, so a missing one is the same message before any worker starts; the worker
        // runs it.
        var rewriter = provider is not null && schedules is not null ? Concurrency.Rewriting.ProviderRewriter.Create() : null;
        return new WorkerScriptRunner(source, new WorkerOptions { Watchdog = watchdog, Faults = faults, Schedules = schedules, Rewriter = rewriter });
    }
}

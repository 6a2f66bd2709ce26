using NetDma.ConformanceKit.Isolation;
using NetDma.ConformanceKit.Running;

namespace NetDma.ConformanceKit.Tests.Isolation;

/// <summary>Worker runners over the drivers of the test assembly (the broken and the process-killing providers).</summary>
internal static class WorkerTestKit
{
    /// <summary>Long enough for any correct script on a loaded CI machine; short enough for the hang tests.</summary>
    public static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(5);

    /// <summary>A heap limit that the OutOfMemoryProvider reaches in well under a second.</summary>
    public const long SmallHeap = 192L << 20;

    public static string TestAssembly => typeof(BrokenProviders.BrokenNetDmaProvider).Assembly.Location;

    public static WorkerScriptRunner For<TDriver>(TimeSpan? watchdog = null) => For(typeof(TDriver), watchdog);

    /// <summary>A worker holding <paramref name="driver"/> as built (not rewritten), exploring every script under <paramref name="schedules"/> when given.</summary>
    public static WorkerScriptRunner For(Type driver, TimeSpan? watchdog = null, ConformanceKit.Concurrency.ScheduleOptions? schedules = null) =>
        new(new DriverSource(TestAssembly, driver.FullName), new WorkerOptions { Watchdog = watchdog ?? Watchdog, HeapLimitBytes = SmallHeap, Schedules = schedules });

    /// <summary>A worker holding the reference drivers; <paramref name="journalCapacity"/> bytes of observation journal (small ones force many drains), or the default.</summary>
    public static WorkerScriptRunner ForReference(ConformanceKit.Concurrency.ScheduleOptions? schedules = null, int? journalCapacity = null) =>
        new(new DriverSource(typeof(global::NetDma.ReferenceProvider.NetDma.ReferenceNetDmaProviderDriver).Assembly.Location),
            new WorkerOptions { Watchdog = TimeSpan.FromSeconds(30), Schedules = schedules, JournalCapacity = journalCapacity ?? new WorkerOptions().JournalCapacity });
}

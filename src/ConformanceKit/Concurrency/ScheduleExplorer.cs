using Microsoft.Coyote;
using Microsoft.Coyote.Logging;
using Microsoft.Coyote.SystematicTesting;

namespace NetDma.ConformanceKit.Concurrency;

/// <summary>
/// Runs one script under many schedules with Microsoft Coyote's testing engine: each Coyote iteration is one complete
/// run of the script on a fresh machine whose processors and hardware are controlled operations
/// (<see cref="ControlledScheduler"/>). The first schedule whose run fails stops the exploration; its Coyote trace
/// replays it bit for bit.
/// </summary>
internal static class ScheduleExplorer
{
    /// <summary>
    /// Explores <paramref name="options"/>.Schedules schedules (or replays <paramref name="options"/>.ReplayTrace), calling
    /// <paramref name="runOnce"/> once per schedule with the scheduler to install; <paramref name="runOnce"/> returns
    /// true when that run passed.
    /// </summary>
    /// <param name="options">Schedules, strategy, seed or the trace to replay.</param>
    /// <param name="runOnce">Runs the script once on a fresh machine under the given scheduler.</param>
    /// <param name="rewrittenProvider">
    /// True when the provider was rewritten (<see cref="Rewriting.ProviderRewriter"/>): its field accesses, locks and
    /// lock accesses become scheduling points, and its blocking points are watched (<see cref="ControlledBlockingMonitor"/>).
    /// </param>
    /// <returns>The exploration's report.</returns>
    public static ScheduleReport Explore(ScheduleOptions options, Func<ControlledScheduler, bool> runOnce, bool rewrittenProvider = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(runOnce);
        var configuration = Configuration.Create()
            .WithTelemetryEnabled(false)
            // Coyote's trace analysis grows a coverage graph at every scheduling decision (per call site of rewritten
            // code); the kit reads none of it, and it cost a rewritten WDM script about 85% of its schedule time.
            .WithTraceAnalysisEnabled(false)
            .WithMaxSchedulingSteps(options.MaxSteps)
            // The bound is a failure of the schedule (a livelock), not a silent end of it: Coyote then reports it to
            // the running schedule (ControlledScheduler.ScheduleEnding), stops exploring and can replay it.
            .WithFailureOnMaxStepsBoundEnabled()
            .WithRandomGeneratorSeed(options.Seed);
        var blocking = new ControlledBlockingMonitor();
        if (rewrittenProvider)
        {
            // Only rewritten code has these hooks; the debug verbosity feeds the blocking monitor (and costs a
            // formatted line per scheduling point in Coyote's per-schedule memory log, so it stays off otherwise).
            configuration = configuration
                .WithMemoryAccessRaceCheckingEnabled()
                .WithLockAccessRaceCheckingEnabled()
                .WithVerbosityEnabled(VerbosityLevel.Debug);
        }

        configuration = options.ReplayTrace is { } trace
            ? configuration.WithReproducibleTrace(trace)
            : (options.Strategy == ScheduleStrategy.Pct ? configuration.WithPrioritizationStrategy(isFair: true) : configuration.WithRandomStrategy())
                .WithTestingIterations((uint)Math.Max(1, options.Schedules));

        var schedules = 0;
        int? failing = null;
        // The operation threads of every schedule of this exploration (null: each schedule its own): starting and
        // ending a schedule's five threads cost about 0.4 ms of CPU on one core, some 7% of a schedule of the 50-call
        // benchmark case (docs/performance.md).
        var threads = OperationThread.CanOutliveSchedule ? new List<OperationThread>() : null;
        // Set while no schedule's run is in progress. Coyote ends a schedule that deadlocks or reaches its step bound by
        // interrupting its operations and returns without waiting for the run to unwind; the report (and the next
        // schedule) wait for it here, so they see the whole run.
        using var between = new ManualResetEventSlim(initialState: true);
        using var engine = TestingEngine.Create(configuration, () =>
        {
            between.Wait();
            between.Reset();
            try
            {
                RunSchedule();
            }
            finally
            {
                between.Set();
            }
        });

        void RunSchedule()
        {
            schedules++;
            using var scheduler = new ControlledScheduler(threads);
            blocking.Scheduler = scheduler;
            if (!runOnce(scheduler))
            {
                failing ??= schedules;
                Microsoft.Coyote.Specifications.Specification.Assert(false, $"schedule {schedules} failed");
            }
        }

        // The kit reports; Coyote's own log goes only to the blocking monitor, which prints nothing.
        engine.SetLogger(rewrittenProvider ? blocking : new MemoryLogger(VerbosityLevel.None));
        engine.Run();
        between.Wait();
        if (threads is not null)
        {
            OperationThread.EndAll(threads);
        }

        var bug = engine.TestReport.NumOfFoundBugs > 0;
        var replayable = options.ReplayTrace ?? engine.ReproducibleTrace;
        return new ScheduleReport(schedules, options.Strategy, options.Seed, bug ? failing ?? schedules : null, bug ? replayable : null)
        {
            ScheduledSteps = (long)engine.TestReport.TotalExploredFairSteps + engine.TestReport.TotalExploredUnfairSteps,
        };
    }
}

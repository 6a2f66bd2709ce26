using System.Diagnostics;

namespace NetDma.ConformanceKit.Running;

/// <summary>
/// The watchdog of a script explored under schedules, in this process or in a worker: each schedule gets the watchdog
/// period, however many schedules ran before it. A hang is one schedule that does not end; a sweep of many schedules
/// is not one (a rewritten provider's schedule passes many scheduling points, so a budget shared by all schedules would
/// call a long, healthy sweep hung). A worker's batch of scripts in sequential mode is watched the same way: each
/// script gets the period.
/// </summary>
/// <param name="period">How long one schedule may run (<c>--timeout</c>).</param>
internal sealed class ScheduleWatchdog(TimeSpan period)
{
    // How often the waiting thread looks at the running schedule's age.
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _scheduleStarted; // clock ticks at the running schedule's start; 0 (the watchdog's creation) before the first

    /// <summary>How long one schedule may run.</summary>
    public TimeSpan Period => period;

    /// <summary>
    /// A schedule starts now (called on the exploring thread, or when the kit sees the worker's observation journal count
    /// one more start: a schedule, or the next script of a batch, which gets the period likewise).
    /// </summary>
    public void ScheduleStarted() => Volatile.Write(ref _scheduleStarted, _clock.ElapsedTicks);

    /// <summary>
    /// Waits until <paramref name="join"/> (waiting at most the time it is given) reports the exploration over: true,
    /// or false once the running schedule is older than <see cref="Period"/>.
    /// </summary>
    public bool Wait(Func<TimeSpan, bool> join)
    {
        ArgumentNullException.ThrowIfNull(join);
        var poll = period < Poll ? period : Poll;
        while (!join(poll))
        {
            if (Stopwatch.GetElapsedTime(0, _clock.ElapsedTicks - Volatile.Read(ref _scheduleStarted)) > period)
            {
                return false;
            }
        }

        return true;
    }
}

using System.Globalization;

namespace NetDma.ConformanceKit.Concurrency;

/// <summary>
/// Why Coyote ended a schedule early, read from the failure it raises (<c>ICoyoteRuntime.OnFailure</c>) while every
/// other operation is still paused. Coyote 1.7.11 tells the two apart only by the failure's text:
/// <c>Deadlock detected. ...</c> when no controlled operation is enabled and at least one is paused (the kit's own
/// parked waits and Coyote's model of provider <c>lock</c>s alike), and <c>Scheduling steps bound of {N} reached.</c>
/// when the schedule reached its step bound (the explorer makes that a failure). Either way Coyote then interrupts
/// every operation's thread with a <see cref="ThreadInterruptedException"/>, which is no crash of driver code.
/// </summary>
/// <param name="Deadlock">True for a deadlock; false for the step bound.</param>
/// <param name="Steps">For the step bound, the scheduling steps the schedule took; 0 for a deadlock.</param>
internal readonly record struct CoyoteScheduleEnd(bool Deadlock, int Steps)
{
    // The starts of the two texts of Coyote 1.7.11's CoyoteRuntime (CheckIfExecutionHasDeadlocked,
    // CheckIfSchedulingStepsBoundIsReached); a test pins them to the version.
    internal const string DeadlockText = "Deadlock detected.";
    internal const string StepBoundText = "Scheduling steps bound of ";

    /// <summary>The end that Coyote's failure text <paramref name="message"/> describes, or null for any other failure.</summary>
    public static CoyoteScheduleEnd? From(string? message)
    {
        if (message is null)
        {
            return null;
        }

        if (message.StartsWith(DeadlockText, StringComparison.Ordinal))
        {
            return new CoyoteScheduleEnd(Deadlock: true, 0);
        }

        if (message.StartsWith(StepBoundText, StringComparison.Ordinal))
        {
            var number = message.AsSpan(StepBoundText.Length);
            var end = number.IndexOf(' ');
            return new CoyoteScheduleEnd(Deadlock: false,
                end > 0 && int.TryParse(number[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var bound) ? bound : 0);
        }

        return null;
    }
}

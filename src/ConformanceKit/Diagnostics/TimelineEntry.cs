namespace NetDma.ConformanceKit.Diagnostics;

/// <summary>
/// One call-trace entry placed on the processor that made it, for the per-CPU timeline of a failure under schedule
/// exploration (<see cref="ProcessorTimeline"/>): the column, the IRQL the entry states and the rest of its text.
/// </summary>
/// <param name="Column">
/// The processor (<c>cpu0</c>, <c>cpu1</c>, ...), <c>hardware</c> for an entry the trace marks as made by the
/// simulated hardware, or <see cref="Unplaced"/> for an entry recorded where no processor or hardware had been named.
/// </param>
/// <param name="Irql">The IRQL the entry states (<c>DISPATCH_LEVEL</c>), or null for an entry that states none (a
/// return <c>&lt;- STATUS_SUCCESS</c>, a detail line): it then sits in the column of the processor that recorded it.</param>
/// <param name="Text">The entry's text without its <c>cpuN IRQL</c> or <c>hardware</c> prefix.</param>
public sealed record TimelineEntry(string Column, string? Irql, string Text)
{
    /// <summary>
    /// The spin locks the entry's processor held when the entry was recorded, oldest first (<c>spin lock #2</c>); empty
    /// for none, for the hardware and for <see cref="Unplaced"/>. A call's own entry is recorded before the call, so
    /// the acquire's row does not show the lock it takes and the release's row still shows the lock it releases.
    /// </summary>
    public IReadOnlyList<string> Held { get; init; } = [];

    /// <inheritdoc/>
    public bool Equals(TimelineEntry? other) =>
        other is not null && Column == other.Column && Irql == other.Irql && Text == other.Text && Held.SequenceEqual(other.Held);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Column, Irql, Text, Held.Count);

    /// <summary>The column of an entry recorded where no processor or hardware had been named.</summary>
    public const string Unplaced = "other";

    /// <summary>The column of the simulated hardware (copy engine steps, interrupt messages).</summary>
    public const string Hardware = "hardware";
}

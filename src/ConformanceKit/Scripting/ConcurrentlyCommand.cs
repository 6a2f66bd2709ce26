namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>concurrently</c> ... <c>end</c>: the lines between run at the same time, each NetDMA call from the processor its
/// <c>cpu=</c> names and <c>run</c> as the hardware's progress. Sequentially (the default) they run in file order, one
/// legal schedule; under schedule exploration (<c>run --schedules N</c>) every schedule Coyote picks is one run of the
/// script, and the assertions after <c>end</c> must hold on all of them.
/// </summary>
/// <param name="Location">Where the <c>concurrently</c> keyword is.</param>
/// <param name="Lanes">The block's commands (channel operations and at most one <c>run</c>), in file order.</param>
/// <param name="End">Where the block's <c>end</c> is.</param>
public sealed record ConcurrentlyCommand(SourceLocation Location, IReadOnlyList<ScriptCommand> Lanes, SourceLocation End)
    : ScriptCommand(Location)
{
    /// <summary>Equal when the lanes are equal, in order (records compare lists by reference otherwise).</summary>
    public bool Equals(ConcurrentlyCommand? other) =>
        other is not null && Location == other.Location && End == other.End && Lanes.SequenceEqual(other.Lanes);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Location, End, Lanes.Count);
}

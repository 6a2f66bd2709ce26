using System.Globalization;

namespace NetDma.ConformanceKit.Exploration;

/// <summary>
/// One of <see cref="Count"/> disjoint slices of an exploration's cases (<c>explore --shard i/n</c>), so that n CI jobs
/// split one run: shard i runs the cases [⌊(i-1)·N/n⌋, ⌊i·N/n⌋) of the N of the unsharded run, with the same
/// per-case seeds, so the shards together run exactly the cases the unsharded run would.
/// </summary>
/// <param name="Index">The shard's number, 1..<paramref name="Count"/> (1-based, as CI matrices count jobs).</param>
/// <param name="Count">How many shards split the run, at least 1.</param>
public sealed record ExplorationShard(int Index, int Count)
{
    /// <summary>The whole run in one shard: <c>1/1</c>.</summary>
    public static ExplorationShard Whole { get; } = new(1, 1);

    /// <summary>The case indices [<c>Start</c>, <c>End</c>) of this shard among <paramref name="iterations"/> cases.</summary>
    /// <param name="iterations">The cases of the unsharded run.</param>
    /// <exception cref="ArgumentOutOfRangeException">The shard is not valid (<see cref="Validate"/>) or <paramref name="iterations"/> is negative.</exception>
    public (int Start, int End) Range(int iterations)
    {
        Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        return (Bound(Index - 1, iterations), Bound(Index, iterations));
    }

    /// <summary>Throws when <see cref="Index"/> is outside 1..<see cref="Count"/> or <see cref="Count"/> is below 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The shard is not valid.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Count, 1, nameof(Count));
        ArgumentOutOfRangeException.ThrowIfLessThan(Index, 1, nameof(Index));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Index, Count, nameof(Index));
    }

    /// <summary>Reads <c>i/n</c> (e.g. <c>2/4</c>); false for any other text or a shard outside 1..n.</summary>
    /// <param name="text">The text of <c>--shard</c>.</param>
    /// <param name="shard">The shard read, or null.</param>
    public static bool TryParse(string? text, out ExplorationShard? shard)
    {
        shard = null;
        var parts = text?.Split('/');
        if (parts is not [var index, var count]
            || !int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || n < 1 || i < 1 || i > n)
        {
            return false;
        }

        shard = new ExplorationShard(i, n);
        return true;
    }

    /// <summary><c>i/n</c>, what <see cref="TryParse"/> reads.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    // 64-bit product: Iterations may be int.MaxValue.
    private int Bound(int shard, int iterations) => (int)((long)shard * iterations / Count);
}

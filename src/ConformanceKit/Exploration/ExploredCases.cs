using System.Globalization;

namespace NetDma.ConformanceKit.Exploration;

/// <summary>
/// Which exploration a report comes from and which of its shards it covers: what <c>netdma-kit merge</c> compares so
/// that it combines only the shards of one run (same first seed, same cases, same shard count), each at most once.
/// </summary>
/// <param name="FirstSeed">The seed of the run's first case (<c>explore --seed</c>), which with <paramref name="Iterations"/> fixes every case.</param>
/// <param name="Iterations">The cases of the unsharded run (<c>--iterations</c>).</param>
/// <param name="ShardCount">How many shards the run was split into (<c>--shard i/n</c>: n; 1 unsharded).</param>
/// <param name="Shards">The shards this report covers, 1-based, ascending: one for an <c>explore</c> report, several for a merged one.</param>
public sealed record ExploredCases(string FirstSeed, int Iterations, int ShardCount, IReadOnlyList<int> Shards)
{
    /// <summary>True when the report covers every shard of the run: its cases are the unsharded run's.</summary>
    public bool Complete => Shards.Count == ShardCount;

    /// <summary>True when <paramref name="other"/> comes from the same run: same first seed, iterations and shard count.</summary>
    public bool SameRun(ExploredCases other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return FirstSeed == other.FirstSeed && Iterations == other.Iterations && ShardCount == other.ShardCount;
    }

    /// <summary>The run as the options that repeat it say it: <c>--seed S --iterations N</c>, and <c>--shard i/n</c> per shard when split.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"--seed {FirstSeed} --iterations {Iterations}") +
        (ShardCount == 1 ? "" : " --shard " + string.Join(',', Shards.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s}/{ShardCount}"))));

    /// <inheritdoc/>
    public bool Equals(ExploredCases? other) => other is not null && SameRun(other) && Shards.SequenceEqual(other.Shards);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(FirstSeed, Iterations, ShardCount, Shards.Count);
}

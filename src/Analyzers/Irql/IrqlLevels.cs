using System;
using System.Collections.Generic;
using NetDma.Analyzers.Contracts;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// A set of IRQL levels (0..15, the byte values of the contract's <c>Irql</c> enum) as a bit mask. Finer than
/// <see cref="IrqlRange"/>: the union of PASSIVE_LEVEL and DIRQL does not contain DISPATCH_LEVEL.
/// </summary>
internal readonly struct IrqlLevels : IEquatable<IrqlLevels>
{
    private const int AllMask = 0xFFFF;

    private IrqlLevels(int mask) => Mask = mask & AllMask;

    /// <summary>No level.</summary>
    public static IrqlLevels None => default;

    /// <summary>Every level, PASSIVE_LEVEL .. HIGH_LEVEL.</summary>
    public static IrqlLevels All => new(AllMask);

    /// <summary>The bit mask: bit <c>n</c> set when level <c>n</c> is in the set.</summary>
    public int Mask { get; }

    public bool IsEmpty => Mask == 0;

    /// <summary>The highest level in the set (0 when empty).</summary>
    public byte Highest
    {
        get
        {
            for (var level = IrqlRange.High; level > 0; level--)
            {
                if (Contains(level))
                {
                    return level;
                }
            }

            return 0;
        }
    }

    /// <summary>The lowest level in the set (0 when empty).</summary>
    public byte Lowest
    {
        get
        {
            for (byte level = 0; level <= IrqlRange.High; level++)
            {
                if (Contains(level))
                {
                    return level;
                }
            }

            return 0;
        }
    }

    public static IrqlLevels Single(byte level) => level > IrqlRange.High ? None : new IrqlLevels(1 << level);

    public static IrqlLevels FromRange(IrqlRange range)
    {
        var mask = 0;
        for (int level = range.Min; level <= range.Max && level <= IrqlRange.High; level++)
        {
            mask |= 1 << level;
        }

        return new IrqlLevels(mask);
    }

    /// <summary>Levels strictly above <paramref name="level"/>.</summary>
    public static IrqlLevels Above(byte level) => level >= IrqlRange.High ? None : new IrqlLevels(AllMask & ~((2 << level) - 1));

    /// <summary>Levels strictly below <paramref name="level"/>.</summary>
    public static IrqlLevels Below(byte level) => new((1 << level) - 1);

    public bool Contains(byte level) => level <= IrqlRange.High && (Mask & (1 << level)) != 0;

    public IrqlLevels Union(IrqlLevels other) => new(Mask | other.Mask);

    public IrqlLevels Intersect(IrqlLevels other) => new(Mask & other.Mask);

    public IrqlLevels Except(IrqlLevels other) => new(Mask & ~other.Mask);

    public bool IsSubsetOf(IrqlLevels other) => (Mask & ~other.Mask) == 0;

    /// <summary>
    /// Where-code-runs spelling: <c>DISPATCH_LEVEL</c>, <c>PASSIVE_LEVEL..DISPATCH_LEVEL</c>, <c>DIRQL</c> for any
    /// part of 3..12, and <c>PASSIVE_LEVEL or DIRQL</c> for a set with gaps.
    /// </summary>
    public string Describe()
    {
        if (IsEmpty)
        {
            return "no IRQL";
        }

        var parts = new List<string>();
        byte? runStart = null;
        for (var level = 0; level <= IrqlRange.High + 1; level++)
        {
            var present = level <= IrqlRange.High && Contains((byte)level);
            if (present && runStart is null)
            {
                runStart = (byte)level;
            }
            else if (!present && runStart is { } start)
            {
                parts.Add(new IrqlRange(start, (byte)(level - 1)).DescribeLevels());
                runStart = null;
            }
        }

        // DIRQL is one name for 3..12: a run inside it reads as DIRQL, not DIRQL..DIRQL.
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i] == "DIRQL..DIRQL")
            {
                parts[i] = "DIRQL";
            }
        }

        return string.Join(" or ", parts);
    }

    public bool Equals(IrqlLevels other) => Mask == other.Mask;

    public override bool Equals(object? obj) => obj is IrqlLevels other && Equals(other);

    public override int GetHashCode() => Mask;

    public override string ToString() => Describe();
}

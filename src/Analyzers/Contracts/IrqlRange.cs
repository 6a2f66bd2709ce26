using System;

namespace NetDma.Analyzers.Contracts;

/// <summary>
/// A range of IRQLs, as byte values of the contract's <c>Irql</c> enum (PASSIVE_LEVEL 0, APC_LEVEL 1, DISPATCH_LEVEL 2,
/// DIRQL 3..12, HIGH_LEVEL 15). Used both for what a routine requires and for where code can run.
/// </summary>
internal readonly struct IrqlRange : IEquatable<IrqlRange>
{
    public const byte Passive = 0;
    public const byte Apc = 1;
    public const byte Dispatch = 2;
    public const byte DirqlLow = 3;
    public const byte DirqlHigh = 12;
    public const byte High = 15;

    public IrqlRange(byte min, byte max)
    {
        Min = min;
        Max = max;
    }

    /// <summary>Every level.</summary>
    public static IrqlRange Any => new(Passive, High);

    public byte Min { get; }

    public byte Max { get; }

    /// <summary>True when every level of <paramref name="other"/> is inside this range.</summary>
    public bool Contains(IrqlRange other) => other.Min >= Min && other.Max <= Max;

    /// <summary>True when some level of <paramref name="other"/> is inside this range.</summary>
    public bool Overlaps(IrqlRange other) => other.Min <= Max && other.Max >= Min;

    /// <summary>The smallest range holding both.</summary>
    public IrqlRange Union(IrqlRange other) => new(Math.Min(Min, other.Min), Math.Max(Max, other.Max));

    /// <summary>The DDI spelling of one level: DIRQL for 3..12.</summary>
    public static string Name(byte level) => level switch
    {
        Passive => "PASSIVE_LEVEL",
        Apc => "APC_LEVEL",
        Dispatch => "DISPATCH_LEVEL",
        High => "HIGH_LEVEL",
        >= DirqlLow and <= DirqlHigh => "DIRQL",
        _ => $"IRQL {level}",
    };

    /// <summary>Requirement form: <c>IRQL = DISPATCH_LEVEL</c>, <c>IRQL &lt;= DISPATCH_LEVEL</c>, <c>IRQL &gt;= APC_LEVEL</c>.</summary>
    public string DescribeRequirement()
    {
        if (Min == Max || (Min == DirqlLow && Max == DirqlHigh))
        {
            return $"IRQL = {Name(Min)}";
        }

        if (Min == Passive && Max == High)
        {
            return "any IRQL";
        }

        if (Min == Passive)
        {
            return $"IRQL <= {Name(Max)}";
        }

        return Max == High ? $"IRQL >= {Name(Min)}" : $"{Name(Min)} <= IRQL <= {Name(Max)}";
    }

    /// <summary>Where-code-runs form: <c>DISPATCH_LEVEL</c>, <c>PASSIVE_LEVEL..DISPATCH_LEVEL</c>.</summary>
    public string DescribeLevels() => Min == Max ? Name(Min) : $"{Name(Min)}..{Name(Max)}";

    public bool Equals(IrqlRange other) => Min == other.Min && Max == other.Max;

    public override bool Equals(object? obj) => obj is IrqlRange other && Equals(other);

    public override int GetHashCode() => (Min << 8) | Max;

    public override string ToString() => DescribeLevels();
}

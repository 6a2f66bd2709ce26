using System;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// The IRQL on one path, symbolically: the level the function was entered at (<see cref="Entry"/>, resolved later
/// against the function's context or its callers), levels set by a raise inside the function (<see cref="Levels"/>,
/// with the <see cref="Source"/> that set them), or <see cref="Unknown"/> (a raise to a computed level, a restore of a
/// value the analysis cannot follow). Only a merged path holds more than one of these.
/// </summary>
internal readonly struct IrqlValue : IEquatable<IrqlValue>
{
    private IrqlValue(bool entry, IrqlLevels levels, bool unknown, string? source)
    {
        Entry = entry;
        Levels = levels;
        Unknown = unknown;
        Source = source;
    }

    /// <summary>The level the function was entered at.</summary>
    public static IrqlValue AtEntry => new(true, IrqlLevels.None, false, null);

    /// <summary>A level the analysis cannot determine.</summary>
    public static IrqlValue Unresolved => new(false, IrqlLevels.None, true, null);

    /// <summary>True when the value includes the entry level.</summary>
    public bool Entry { get; }

    /// <summary>Levels known from a raise inside the function.</summary>
    public IrqlLevels Levels { get; }

    /// <summary>True when the value includes a level the analysis cannot determine.</summary>
    public bool Unknown { get; }

    /// <summary>What set <see cref="Levels"/>, for messages: <c>KeAcquireSpinLock raised the IRQL to DISPATCH_LEVEL</c>.</summary>
    public string? Source { get; }

    /// <summary>True for the plain entry level: nothing raised or unknown.</summary>
    public bool IsEntryOnly => Entry && Levels.IsEmpty && !Unknown;

    public static IrqlValue Known(IrqlLevels levels, string source) => new(false, levels, false, source);

    public IrqlValue Union(IrqlValue other)
    {
        string? source;
        if (Source is null || other.Source is null || Source == other.Source)
        {
            source = Source ?? other.Source;
        }
        else
        {
            source = string.CompareOrdinal(Source, other.Source) < 0 ? $"{Source}; {other.Source}" : $"{other.Source}; {Source}";
        }

        return new IrqlValue(Entry || other.Entry, Levels.Union(other.Levels), Unknown || other.Unknown, source);
    }

    public bool Equals(IrqlValue other) =>
        Entry == other.Entry && Levels.Equals(other.Levels) && Unknown == other.Unknown && Source == other.Source;

    public override bool Equals(object? obj) => obj is IrqlValue other && Equals(other);

    public override int GetHashCode() => (Levels.Mask << 2) ^ (Entry ? 1 : 0) ^ (Unknown ? 2 : 0) ^ (Source?.GetHashCode() ?? 0);

    public override string ToString() => $"{(Entry ? "entry " : "")}{(Levels.IsEmpty ? "" : Levels.Describe())}{(Unknown ? " unknown" : "")}";
}

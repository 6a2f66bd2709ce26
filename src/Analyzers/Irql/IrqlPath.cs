using System;
using System.Collections.Immutable;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// The IRQL facts of one class of paths through a function: the current level, and per IRQL slot (a local or field
/// of type <c>Irql</c>) the level an <c>[IrqlSaves]</c> parameter stored in it, or null when nothing saved into it on
/// this path. <see cref="Merged"/> paths stand for several paths joined when a state grew too large; they never
/// justify an "on all paths" claim.
/// </summary>
internal sealed class IrqlPath : IEquatable<IrqlPath>
{
    public IrqlPath(IrqlValue current, ImmutableArray<IrqlValue?> saved, bool merged)
    {
        Current = current;
        Saved = saved;
        Merged = merged;
    }

    public IrqlValue Current { get; }

    public ImmutableArray<IrqlValue?> Saved { get; }

    public bool Merged { get; }

    /// <summary>The path at a function's entry, with <paramref name="slots"/> empty slots.</summary>
    public static IrqlPath AtEntry(int slots) => new(IrqlValue.AtEntry, ImmutableArray.CreateRange(new IrqlValue?[slots]), merged: false);

    public IrqlPath WithCurrent(IrqlValue current) => new(current, Saved, Merged);

    public IrqlPath WithSaved(int slot, IrqlValue? value) =>
        slot < 0 || slot >= Saved.Length ? this : new IrqlPath(Current, Saved.SetItem(slot, value), Merged);

    /// <summary>One path standing for both.</summary>
    public IrqlPath MergeWith(IrqlPath other)
    {
        var saved = Saved.ToBuilder();
        for (var i = 0; i < saved.Count && i < other.Saved.Length; i++)
        {
            saved[i] = saved[i] is { } mine ? (other.Saved[i] is { } theirs ? mine.Union(theirs) : mine) : other.Saved[i];
        }

        return new IrqlPath(Current.Union(other.Current), saved.ToImmutable(), merged: true);
    }

    public bool Equals(IrqlPath? other)
    {
        if (other is null || Merged != other.Merged || !Current.Equals(other.Current) || Saved.Length != other.Saved.Length)
        {
            return false;
        }

        for (var i = 0; i < Saved.Length; i++)
        {
            if (!Nullable.Equals(Saved[i], other.Saved[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as IrqlPath);

    public override int GetHashCode()
    {
        var hash = Current.GetHashCode() ^ (Merged ? 0x5555 : 0);
        foreach (var value in Saved)
        {
            hash = (hash * 31) ^ (value?.GetHashCode() ?? 7);
        }

        return hash;
    }
}

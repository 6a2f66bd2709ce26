using System;
using System.Collections.Immutable;
using System.Linq;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// The IRQL facts of one class of paths through a function: the current level, and per IRQL slot (a local or field
/// of type <c>Irql</c>) the level an <c>[IrqlSaves]</c> parameter stored in it, or null when nothing saved into it on
/// this path; and per condition slot (a <c>bool</c> local, parameter or field a branch tests) the value the path took
/// it to have, or null when not known, so a second <c>if</c> on the same unmodified boolean follows the first.
/// <see cref="Merged"/> paths stand for several paths joined when a state grew too large; they never justify an "on all
/// paths" claim.
/// </summary>
internal sealed class IrqlPath : IEquatable<IrqlPath>
{
    public IrqlPath(IrqlValue current, ImmutableArray<IrqlValue?> saved, ImmutableArray<bool?> conditions, bool merged)
    {
        Current = current;
        Saved = saved;
        Conditions = conditions;
        Merged = merged;
    }

    private int? _hash;

    public IrqlValue Current { get; }

    public ImmutableArray<IrqlValue?> Saved { get; }

    /// <summary>Per condition slot, the boolean's value on this path, or null when not known.</summary>
    public ImmutableArray<bool?> Conditions { get; }

    public bool Merged { get; }

    /// <summary>The path at a function's entry, with <paramref name="slots"/> empty IRQL slots and no known condition.</summary>
    public static IrqlPath AtEntry(int slots, int conditions) =>
        new(IrqlValue.AtEntry, ImmutableArray.CreateRange(new IrqlValue?[slots]), ImmutableArray.CreateRange(new bool?[conditions]), merged: false);

    public IrqlPath WithCurrent(IrqlValue current) => new(current, Saved, Conditions, Merged);

    public IrqlPath WithSaved(int slot, IrqlValue? value) =>
        slot < 0 || slot >= Saved.Length ? this : new IrqlPath(Current, Saved.SetItem(slot, value), Conditions, Merged);

    public IrqlPath WithCondition(int slot, bool? value) =>
        slot < 0 || slot >= Conditions.Length || Conditions[slot] == value ? this : new IrqlPath(Current, Saved, Conditions.SetItem(slot, value), Merged);

    /// <summary>One path standing for both.</summary>
    public IrqlPath MergeWith(IrqlPath other)
    {
        var saved = Saved.ToBuilder();
        for (var i = 0; i < saved.Count && i < other.Saved.Length; i++)
        {
            saved[i] = saved[i] is { } mine ? (other.Saved[i] is { } theirs ? mine.Union(theirs) : mine) : other.Saved[i];
        }

        var conditions = Conditions.ToBuilder();
        for (var i = 0; i < conditions.Count && i < other.Conditions.Length; i++)
        {
            conditions[i] = conditions[i] == other.Conditions[i] ? conditions[i] : null;
        }

        return new IrqlPath(Current.Union(other.Current), saved.ToImmutable(), conditions.ToImmutable(), merged: true);
    }

    public bool Equals(IrqlPath? other)
    {
        if (other is null || Merged != other.Merged || !Current.Equals(other.Current) || Saved.Length != other.Saved.Length
            || !Conditions.SequenceEqual(other.Conditions))
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

    /// <summary>Computed once: the flow driver hashes every path it meets to tell whether it was explored already.</summary>
    public override int GetHashCode() => _hash ??= ComputeHash();

    private int ComputeHash()
    {
        var hash = Current.GetHashCode() ^ (Merged ? 0x5555 : 0);
        foreach (var value in Saved)
        {
            hash = (hash * 31) ^ (value?.GetHashCode() ?? 7);
        }

        foreach (var condition in Conditions)
        {
            hash = (hash * 3) ^ (condition is { } known ? (known ? 1 : 2) : 0);
        }

        return hash;
    }
}

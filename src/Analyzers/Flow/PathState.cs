using System;
using System.Collections.Immutable;
using System.Linq;

namespace NetDma.Analyzers.Flow;

/// <summary>
/// What one path through a routine knows: the value of each tracked variable (locals, flow captures, the out channel
/// context) and a set of facts (<see cref="PathFacts"/>). Immutable; equal states are merged, so the analysis explores
/// each distinct state once per block.
/// </summary>
internal sealed class PathState : IEquatable<PathState>
{
    private readonly ImmutableDictionary<object, AbstractValue> _values;
    private readonly int _hash;

    private PathState(ImmutableDictionary<object, AbstractValue> values, PathFacts facts)
    {
        _values = values;
        Facts = facts;
        _hash = values.Aggregate((int)facts * 31, (hash, entry) => hash ^ (FlowKeyComparer.Instance.GetHashCode(entry.Key) * 17) ^ entry.Value.GetHashCode());
    }

    public static PathState Empty { get; } = new(ImmutableDictionary.Create<object, AbstractValue>(FlowKeyComparer.Instance), PathFacts.None);

    public PathFacts Facts { get; }

    /// <summary>The value of <paramref name="key"/>, or null when nothing is known (or, for the out context, nothing was assigned).</summary>
    public AbstractValue? Get(object key) => _values.TryGetValue(key, out var value) ? value : null;

    /// <summary>This state with <paramref name="key"/> set; an unknown value of a local is simply forgotten.</summary>
    public PathState With(object key, AbstractValue value, bool keepUnknown)
    {
        if (value.Kind == AbstractValueKind.Unknown && !keepUnknown)
        {
            return _values.ContainsKey(key) ? new PathState(_values.Remove(key), Facts) : this;
        }

        return _values.TryGetValue(key, out var old) && old.Equals(value) ? this : new PathState(_values.SetItem(key, value), Facts);
    }

    public PathState WithFact(PathFacts fact) => (Facts & fact) == fact ? this : new PathState(_values, Facts | fact);

    public bool Equals(PathState? other)
    {
        if (other is null || other._hash != _hash || other.Facts != Facts || other._values.Count != _values.Count)
        {
            return false;
        }

        foreach (var entry in _values)
        {
            if (!other._values.TryGetValue(entry.Key, out var value) || !value.Equals(entry.Value))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as PathState);

    public override int GetHashCode() => _hash;
}

namespace NetDma.ConformanceKit.Faults;

/// <summary>
/// What to inject: a seed and the faults, in the stable text form <c>seed=7;pool:every=3,tag=Ndma;connect-interrupt</c>
/// (<see cref="ToString"/>; <see cref="Parse"/> reads it back to an equal spec). The same spec on the same script gives
/// the same injections at the same calls; another seed changes only the probabilistic (<c>p=</c>) decisions.
/// Grammar and the model of each fault: docs/faults.md.
/// </summary>
/// <param name="Seed">Decides every <c>p=</c> fault (<see cref="FaultPlan"/>); <see cref="DefaultSeed"/> when the text names none.</param>
/// <param name="Clauses">The faults, in the order given; at most one per kind.</param>
public sealed record FaultSpec(ulong Seed, IReadOnlyList<FaultClause> Clauses)
{
    /// <summary>The seed of a spec that names none: fixed, so a spec without one is reproducible too.</summary>
    public const ulong DefaultSeed = 0;

    /// <summary>The spec that injects nothing (<c>none</c>).</summary>
    public static FaultSpec None { get; } = new(DefaultSeed, []);

    /// <summary>True when the spec injects nothing.</summary>
    public bool IsEmpty => Clauses.Count == 0;

    /// <summary>The clause of <paramref name="kind"/>, or null.</summary>
    public FaultClause? Find(FaultKind kind) => Clauses.FirstOrDefault(c => c.Kind == kind);

    /// <summary>Parses spec text.</summary>
    /// <exception cref="FaultSpecException">The first error, at its 0-based position in <paramref name="text"/>.</exception>
    public static FaultSpec Parse(string text) => FaultSpecParser.Parse(text);

    /// <summary>The stable text form: <c>none</c>, or <c>seed=N;</c> followed by every clause, <c>;</c>-separated.</summary>
    public override string ToString() =>
        IsEmpty ? FaultSpecParser.NoneKeyword : $"seed={Seed};{string.Join(';', Clauses)}";

    /// <inheritdoc/>
    public bool Equals(FaultSpec? other) => other is not null && Seed == other.Seed && Clauses.SequenceEqual(other.Clauses);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Seed, Clauses.Count);
}

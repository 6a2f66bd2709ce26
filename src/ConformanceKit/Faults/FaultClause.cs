using System.Globalization;
using System.Text;

namespace NetDma.ConformanceKit.Faults;

/// <summary>
/// One fault of a <see cref="FaultSpec"/>: its kind and parameters, in the stable text form
/// <c>pool:every=3,tag=Ndma</c>. Which parameters a kind takes is in <see cref="FaultSpecParser"/> and docs/faults.md.
/// </summary>
/// <param name="Kind">The injection point.</param>
public sealed record FaultClause(FaultKind Kind)
{
    /// <summary>Fail every Nth call counted at the point (1 = every call), or null.</summary>
    public int? Every { get; init; }

    /// <summary>Fail each counted call with this probability, in (0, 1], decided from the seed; or null.</summary>
    public double? Probability { get; init; }

    /// <summary>For <see cref="FaultKind.Pool"/>: count only allocations with this pool tag (1 to 4 characters), or null for every tag.</summary>
    public string? Tag { get; init; }

    /// <summary>Inject at most this many times (then the point behaves normally again: the window closes), or null for no limit.</summary>
    public int? Limit { get; init; }

    /// <summary>For <see cref="FaultKind.MapRegisters"/>: the map registers IoGetDmaAdapter grants (at least 1).</summary>
    public uint? Grant { get; init; }

    /// <summary>For <see cref="FaultKind.Interrupt"/>: spurious interrupts the device raises at the start of each <c>run</c>.</summary>
    public int? Spurious { get; init; }

    /// <summary>The kind's name in the spec: <c>pool</c>, <c>map-registers</c>, <c>connect-interrupt</c>, <c>interrupt</c>, <c>dma-read</c>, <c>surprise-removal</c>, <c>descriptor</c>.</summary>
    public static string NameOf(FaultKind kind) => kind switch
    {
        FaultKind.Pool => "pool",
        FaultKind.MapRegisters => "map-registers",
        FaultKind.ConnectInterrupt => "connect-interrupt",
        FaultKind.Interrupt => "interrupt",
        FaultKind.DmaRead => "dma-read",
        FaultKind.SurpriseRemoval => "surprise-removal",
        FaultKind.Descriptor => "descriptor",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The stable text form: the kind, then its parameters in a fixed order (every, p, tag, grant, spurious, limit).</summary>
    public override string ToString()
    {
        var parameters = new List<string>();
        if (Every is { } every)
        {
            parameters.Add($"every={every.ToString(CultureInfo.InvariantCulture)}");
        }

        if (Probability is { } p)
        {
            parameters.Add($"p={p.ToString("R", CultureInfo.InvariantCulture)}");
        }

        if (Tag is { } tag)
        {
            parameters.Add($"tag={tag}");
        }

        if (Grant is { } grant)
        {
            parameters.Add($"grant={grant.ToString(CultureInfo.InvariantCulture)}");
        }

        if (Spurious is { } spurious)
        {
            parameters.Add($"spurious={spurious.ToString(CultureInfo.InvariantCulture)}");
        }

        if (Limit is { } limit)
        {
            parameters.Add($"limit={limit.ToString(CultureInfo.InvariantCulture)}");
        }

        var text = new StringBuilder(NameOf(Kind));
        if (parameters.Count > 0)
        {
            text.Append(':').AppendJoin(',', parameters);
        }

        return text.ToString();
    }
}

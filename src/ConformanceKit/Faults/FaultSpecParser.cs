using System.Globalization;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Faults;

/// <summary>
/// The one parser of fault specs, for <c>--faults</c> and the script's <c>fault</c> command:
/// <code>
/// spec   := 'none' | item (';' item)*
/// item   := 'seed=' number | kind (':' param (',' param)*)?
/// kind   := 'pool' | 'map-registers' | 'connect-interrupt' | 'interrupt' | 'dma-read' | 'surprise-removal' | 'descriptor'
/// param  := name '=' value            (which names each kind takes: docs/faults.md)
/// </code>
/// The first error is thrown as a <see cref="FaultSpecException"/> at its 0-based position.
/// </summary>
public static class FaultSpecParser
{
    /// <summary>The spec that injects nothing.</summary>
    public const string NoneKeyword = "none";

    private static readonly Dictionary<string, FaultKind> Kinds = new(StringComparer.Ordinal)
    {
        ["pool"] = FaultKind.Pool,
        ["map-registers"] = FaultKind.MapRegisters,
        ["connect-interrupt"] = FaultKind.ConnectInterrupt,
        ["interrupt"] = FaultKind.Interrupt,
        ["dma-read"] = FaultKind.DmaRead,
        ["surprise-removal"] = FaultKind.SurpriseRemoval,
        ["descriptor"] = FaultKind.Descriptor,
    };

    private static readonly Dictionary<FaultKind, string[]> Parameters = new()
    {
        [FaultKind.Pool] = ["every", "p", "tag", "limit"],
        [FaultKind.MapRegisters] = ["grant"],
        [FaultKind.ConnectInterrupt] = ["every", "limit"],
        [FaultKind.Interrupt] = ["spurious", "every", "limit"],
        [FaultKind.DmaRead] = ["every", "limit"],
        [FaultKind.SurpriseRemoval] = ["every", "p"],
        [FaultKind.Descriptor] = ["every", "limit"],
    };

    /// <summary>The most spurious interrupts one <c>run</c> may get: the kernel's delivery budget, past which it reports a storm.</summary>
    public const int MaximumSpurious = Kernel.SimulatedKernel.InterruptDeliveryBudget;

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="FaultSpecException">The first error.</exception>
    public static FaultSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Trim() == NoneKeyword)
        {
            return FaultSpec.None;
        }

        var seed = FaultSpec.DefaultSeed;
        int? seedAt = null;
        var clauses = new List<FaultClause>();
        var kindsAt = new Dictionary<FaultKind, int>();
        var position = 0;
        foreach (var raw in text.Split(';'))
        {
            var start = position + (raw.Length - raw.TrimStart().Length);
            var item = raw.Trim();
            position += raw.Length + 1;
            if (item.Length == 0)
            {
                throw new FaultSpecException(start, "a fault (pool, map-registers, connect-interrupt, interrupt, dma-read, surprise-removal, descriptor), seed=N or none",
                    start >= text.Length ? "end of spec" : "';'");
            }

            if (item.StartsWith("seed=", StringComparison.Ordinal))
            {
                if (seedAt is { } first)
                {
                    throw new FaultSpecException(start, "seed= at most once", $"a second seed= (the first is at position {first + 1})");
                }

                seedAt = start;
                var value = item[5..];
                if (!ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out seed))
                {
                    throw new FaultSpecException(start + 5, $"a seed, 0..{ulong.MaxValue}", Describe(value));
                }

                continue;
            }

            var clause = ParseClause(item, start);
            if (kindsAt.TryGetValue(clause.Kind, out var firstAt))
            {
                throw new FaultSpecException(start, $"each fault kind at most once",
                    $"a second '{FaultClause.NameOf(clause.Kind)}' (the first is at position {firstAt + 1})");
            }

            kindsAt[clause.Kind] = start;
            clauses.Add(clause);
        }

        return new FaultSpec(seed, clauses);
    }

    private static FaultClause ParseClause(string item, int start)
    {
        var colon = item.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? item : item[..colon];
        if (!Kinds.TryGetValue(name, out var kind))
        {
            throw new FaultSpecException(start, "a fault kind (pool, map-registers, connect-interrupt, interrupt, dma-read, surprise-removal, descriptor), seed=N or none", Describe(name),
                NearestName.Hint(name, [.. Kinds.Keys, "seed", NoneKeyword]));
        }

        var clause = new FaultClause(kind);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        if (colon >= 0)
        {
            var offset = start + colon + 1;
            foreach (var parameter in item[(colon + 1)..].Split(','))
            {
                clause = ParseParameter(clause, parameter, offset, seen);
                offset += parameter.Length + 1;
            }
        }

        return Complete(clause, start);
    }

    private static FaultClause ParseParameter(FaultClause clause, string parameter, int at, Dictionary<string, int> seen)
    {
        var allowed = Parameters[clause.Kind];
        var list = string.Join(", ", allowed.Select(a => a + "="));
        var kind = FaultClause.NameOf(clause.Kind);
        var equals = parameter.IndexOf('=', StringComparison.Ordinal);
        var key = equals < 0 ? parameter : parameter[..equals];
        if (equals < 0 || !allowed.Contains(key))
        {
            throw new FaultSpecException(at, $"a parameter of '{kind}' ({list})", Describe(parameter),
                equals < 0 && allowed.Contains(key) ? "parameters are written name=value" : NearestName.Suggest(key, allowed) is { } near ? $"did you mean '{near}='?" : null);
        }

        if (seen.TryGetValue(key, out var first))
        {
            throw new FaultSpecException(at, $"each parameter of '{kind}' at most once", $"a second '{key}=' (the first is at position {first + 1})");
        }

        seen[key] = at;
        var value = parameter[(equals + 1)..];
        var valueAt = at + equals + 1;
        return key switch
        {
            "every" => clause with { Every = Integer(value, valueAt, "a call interval N (every Nth call fails)", 1, int.MaxValue) },
            "limit" => clause with { Limit = Integer(value, valueAt, "a most number of injections", 1, int.MaxValue) },
            "spurious" => clause with { Spurious = Integer(value, valueAt, "a number of spurious interrupts per run", 1, MaximumSpurious) },
            "grant" => clause with { Grant = (uint)Integer(value, valueAt, "a number of map registers", 1, int.MaxValue) },
            "p" => clause with { Probability = Probability(value, valueAt) },
            "tag" => clause with { Tag = Tag(value, valueAt) },
            _ => throw new System.Diagnostics.UnreachableException(key),
        };
    }

    private static FaultClause Complete(FaultClause clause, int start)
    {
        var kind = FaultClause.NameOf(clause.Kind);
        switch (clause.Kind)
        {
            case FaultKind.Pool or FaultKind.SurpriseRemoval when (clause.Every is null) == (clause.Probability is null):
                throw new FaultSpecException(start, $"'{kind}' with exactly one of every=N or p=x", clause.Every is null ? "neither" : "both");
            case FaultKind.MapRegisters when clause.Grant is null:
                throw new FaultSpecException(start, $"'{kind}:grant=N'", $"'{kind}' without grant=");
            case FaultKind.Interrupt when clause.Spurious is null:
                throw new FaultSpecException(start, $"'{kind}:spurious=N'", $"'{kind}' without spurious=");
            case FaultKind.DmaRead or FaultKind.Descriptor when clause.Every is null:
                throw new FaultSpecException(start, $"'{kind}:every=N'", $"'{kind}' without every=");
            case FaultKind.ConnectInterrupt or FaultKind.Interrupt when clause.Every is null:
                // Every counted call (IoConnectInterruptEx call, run command) unless every=N says otherwise.
                return clause with { Every = 1 };
            default:
                return clause;
        }
    }

    private static int Integer(string value, int at, string expected, int min, int max)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            throw new FaultSpecException(at, $"{expected}, {min}..{max}", Describe(value));
        }

        return n;
    }

    private static double Probability(string value, int at)
    {
        if (!double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p) || p <= 0 || p > 1)
        {
            throw new FaultSpecException(at, "a probability, greater than 0 and at most 1 (e.g. 0.1)", Describe(value));
        }

        return p;
    }

    private static string Tag(string value, int at)
    {
        if (value.Length is < 1 or > 4 || value.Any(c => c < 0x21 || c > 0x7E || c is ';' or ','))
        {
            throw new FaultSpecException(at, "a pool tag of 1 to 4 printable ASCII characters", Describe(value));
        }

        return value;
    }

    private static string Describe(string text) => text.Length == 0 ? "nothing" : $"'{text}'";
}

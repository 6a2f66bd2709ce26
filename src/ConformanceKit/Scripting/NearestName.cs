namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// "Did you mean" suggestions: the candidate nearest to a misspelling by optimal-string-alignment edit distance
/// (insert, delete, substitute, swap two neighbours), ignoring case, or one the misspelling is a prefix of.
/// </summary>
internal static class NearestName
{
    /// <summary>The nearest candidate close enough to be a likely typo, or <see langword="null"/>.</summary>
    /// <param name="found">What the script has.</param>
    /// <param name="candidates">The valid spellings, in preference order for ties.</param>
    public static string? Suggest(string found, IEnumerable<string> candidates)
    {
        if (found.Length == 0)
        {
            return null;
        }

        var limit = Math.Clamp(found.Length / 3, 1, 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (candidate == found)
            {
                continue;
            }

            var distance = Distance(found.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (found.Length >= 3 && candidate.StartsWith(found, StringComparison.OrdinalIgnoreCase))
            {
                distance = Math.Min(distance, 1);
            }

            // A suggestion must keep part of what was written: 'b' is not a typo of 'a'.
            if (distance <= limit && distance < found.Length && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>The hint text for <see cref="ScriptParseException.Hint"/>, or <see langword="null"/>.</summary>
    public static string? Hint(string found, IEnumerable<string> candidates) =>
        Suggest(found, candidates) is { } near ? $"did you mean '{near}'?" : null;

    /// <summary>Optimal string alignment distance between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}

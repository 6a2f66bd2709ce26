using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Running;

namespace NetDma.ConformanceKit.Reporting;

/// <summary>
/// Which of a script's violations each of its failed checks reports, so a report can place each violation at the
/// command during which it was observed. An <c>assert_no_violation</c> on a script's last line that finds violations
/// caused by an <c>allocate</c> on line 8 fails at the last line, but the violations belong at line 8.
/// </summary>
/// <remarks>
/// A check carries its violations only as text (a worker process streams a check as its message), so a violation
/// belongs to the failed check whose message holds its <see cref="Violation.Details"/>: claimed in check order, each
/// violation once, and a check claims a text as many times as its message holds it.
/// </remarks>
internal static class ReportedViolations
{
    /// <summary>For each check of <paramref name="script"/>, in order, the violations it reports (empty for most), in report order.</summary>
    public static IReadOnlyList<IReadOnlyList<Violation>> ByCheck(ScriptResult script)
    {
        var violations = script.Violations;
        var texts = violations.Select(v => v.Details).ToArray();
        var claimed = new bool[violations.Count];
        var byCheck = new List<IReadOnlyList<Violation>>(script.Checks.Count);
        foreach (var check in script.Checks)
        {
            var reported = new List<Violation>();
            if (!check.Passed)
            {
                // How many more violations with that text this check's message still holds.
                var left = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < violations.Count; i++)
                {
                    if (claimed[i])
                    {
                        continue;
                    }

                    var details = texts[i];
                    var times = left.TryGetValue(details, out var counted) ? counted : Occurrences(check.Message, details);
                    if (times > 0)
                    {
                        claimed[i] = true;
                        reported.Add(violations[i]);
                        times--;
                    }

                    left[details] = times;
                }
            }

            byCheck.Add(reported);
        }

        return byCheck;
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        if (part.Length == 0)
        {
            return count;
        }

        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

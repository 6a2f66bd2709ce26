using System.Globalization;
using System.Text;

namespace NetDma.ConformanceKit.Diagnostics;

/// <summary>
/// Renders the tail of a call sequence observed under schedule exploration as a per-CPU timeline: one fixed-width
/// column per processor that appears (<c>cpu0</c>, <c>cpu1</c>, ... in number order, then <c>hardware</c>, then
/// <see cref="TimelineEntry.Unplaced"/>), one row per entry in the order it was recorded, each entry in its column
/// with the IRQL it states (without its <c>_LEVEL</c>: <c>DISPATCH</c>) and the spin locks its processor holds
/// (<c>[#1,#2]</c>, only when it holds some). Plain text: a cell longer than the column is cut and ends with an ellipsis (…). The one
/// renderer behind <see cref="Violation.Details"/>, so the console, JUnit and SARIF reports all show the same text.
/// </summary>
public static class ProcessorTimeline
{
    /// <summary>
    /// The width of one column, in characters, when the caller names none: three columns (two processors and the
    /// hardware) fit a 120-character console line, so the console does not wrap a row.
    /// </summary>
    public const int DefaultCellWidth = 34;

    /// <summary>What ends a cut cell.</summary>
    public const char Ellipsis = '…';

    private const string Separator = " | ";

    /// <summary>The columns of <paramref name="entries"/>, in the order the timeline shows them.</summary>
    public static IReadOnlyList<string> Columns(IEnumerable<TimelineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return [.. entries.Select(e => e.Column).Distinct(StringComparer.Ordinal).OrderBy(ColumnOrder).ThenBy(c => c, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The timeline's lines: a header naming the columns, then one row per entry, oldest first; trailing blanks trimmed.
    /// </summary>
    /// <param name="entries">The entries, oldest first.</param>
    /// <param name="cellWidth">The width of one column in characters (at least 2).</param>
    public static IReadOnlyList<string> Render(IReadOnlyList<TimelineEntry> entries, int cellWidth = DefaultCellWidth)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfLessThan(cellWidth, 2);
        var columns = Columns(entries);
        var numberWidth = Math.Max(1, entries.Count.ToString(CultureInfo.InvariantCulture).Length);
        var lines = new List<string>(entries.Count + 1);
        var line = new StringBuilder();

        line.Append(' ', numberWidth);
        foreach (var column in columns)
        {
            line.Append(Separator).Append(Fit(column, cellWidth));
        }

        lines.Add(line.ToString().TrimEnd());
        for (var row = 0; row < entries.Count; row++)
        {
            var entry = entries[row];
            line.Clear();
            line.Append((row + 1).ToString(CultureInfo.InvariantCulture).PadLeft(numberWidth));
            // The columns up to the entry's own: nothing follows it on its row.
            foreach (var column in columns)
            {
                line.Append(Separator);
                if (column == entry.Column)
                {
                    line.Append(Fit(Cell(entry), cellWidth));
                    break;
                }

                line.Append(' ', cellWidth);
            }

            lines.Add(line.ToString().TrimEnd());
        }

        return lines;
    }

    /// <summary>The line that explains the held-lock marks, for a timeline in which some row has one.</summary>
    public const string HeldLocksLegend = "[#n]: the spin locks that processor holds at that row";

    /// <summary>True when some entry of <paramref name="entries"/> shows held locks (<see cref="HeldLocksLegend"/> applies).</summary>
    public static bool ShowsHeldLocks(IEnumerable<TimelineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries.Any(e => e.Held.Count > 0);
    }

    // The IRQL without its "_LEVEL" (DISPATCH, PASSIVE; DIRQL as is), to leave the narrow cell to the call; then the
    // spin locks held, by number only ([#1,#2]), which is what a reader looks for when following a race down a column.
    private static string Cell(TimelineEntry entry)
    {
        var irql = entry.Irql is null ? null
            : entry.Irql.EndsWith("_LEVEL", StringComparison.Ordinal) ? entry.Irql[..^"_LEVEL".Length] : entry.Irql;
        var held = entry.Held.Count == 0 ? null
            : "[" + string.Join(",", entry.Held.Select(h => h.StartsWith(SpinLockPrefix, StringComparison.Ordinal) ? h[SpinLockPrefix.Length..] : h)) + "]";
        return string.Join(' ', new[] { irql, held, entry.Text }.Where(part => part is not null));
    }

    private const string SpinLockPrefix = "spin lock ";

    private static string Fit(string text, int width) =>
        text.Length <= width ? text.PadRight(width) : string.Concat(text.AsSpan(0, width - 1), Ellipsis.ToString());

    // Processors first in number order (cpu2 before cpu10), then the hardware, then entries no one was named for.
    private static long ColumnOrder(string column) =>
        column.StartsWith("cpu", StringComparison.Ordinal) && uint.TryParse(column.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var cpu)
            ? cpu
            : column == TimelineEntry.Hardware ? 1L << 33 : 1L << 34;
}

using System.Globalization;

namespace NetDma.ConformanceKit.Reporting;

/// <summary>How the report writers spell times and durations, so every format agrees on them.</summary>
internal static class ReportTimes
{
    /// <summary>
    /// A duration in seconds, rounded to milliseconds. Never negative: a run's duration comes from the wall clock,
    /// which can step back (a time synchronisation) while the run is going.
    /// </summary>
    public static double Seconds(TimeSpan duration) => Math.Round(Math.Max(0, duration.TotalSeconds), 3);

    /// <summary>
    /// A run's duration as its reports state it: the difference of its start and end as they are written (to the
    /// millisecond, <see cref="Utc"/>), so that a report's duration agrees with its own times and a report read back
    /// (<c>netdma-kit merge</c>) states the same duration.
    /// </summary>
    public static TimeSpan RunDuration(Running.RunReport report) => ToMilliseconds(report.EndTime) - ToMilliseconds(report.StartTime);

    private static DateTimeOffset ToMilliseconds(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    /// <summary><see cref="Seconds"/> as invariant-culture text, e.g. <c>0.123</c>: JUnit's <c>time</c> attribute.</summary>
    public static string SecondsText(TimeSpan duration) => Seconds(duration).ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>An instant as RFC 3339 UTC with milliseconds, e.g. <c>2026-12-01T21:32:19.123Z</c>: SARIF and JSON.</summary>
    public static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// An instant as JUnit's <c>timestamp</c>: UTC, to the second, without a zone designator, because the JUnit XML
    /// schema's pattern for that attribute allows none.
    /// </summary>
    public static string JUnitTimestamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}

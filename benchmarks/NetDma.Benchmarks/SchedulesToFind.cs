using System.Diagnostics;
using NetDma.ConformanceKit.Concurrency;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;
using NetDma.ConformanceKit.Tests.Concurrency;

namespace NetDma.Benchmarks;

/// <summary>
/// Schedules to find each planted concurrency bug (<see cref="PlantedRace.All"/>, the broken providers of the tests):
/// for seeds 1 to <c>seeds</c>, the number of the first schedule whose run shows the bug's violation, up to a budget
/// per seed; the median and range over the seeds, as a Markdown table for docs/performance.md. A count, not a time,
/// so it is exact on every machine; the wall time is printed beside it for scale.
/// </summary>
internal static class SchedulesToFind
{
    public static int Run(int seeds, int budget, ScheduleStrategy strategy)
    {
        Console.WriteLine($"Schedules to find each planted bug: {strategy.ToString().ToLowerInvariant()} strategy, seeds 1..{seeds}, at most {budget} schedules per seed");
        Console.WriteLine();
        Console.WriteLine("| bug class | broken provider | rule | found (seeds) | median schedules | min | max | wall time |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var race in PlantedRace.All)
        {
            var script = ScriptParser.Parse(race.Script, $"{race.Provider.Name}.ndma");
            var found = new List<int>();
            var clock = Stopwatch.StartNew();
            for (var seed = 1u; seed <= seeds; seed++)
            {
                using var runner = new InProcessScriptRunner(race.Drivers, ConformanceRun.DefaultWatchdog, schedules: new ScheduleOptions(budget, strategy, seed));
                var result = runner.Run(script);
                if (result.Schedules?.FailingSchedule is { } schedule && result.Violations.Any(race.IsTheBug))
                {
                    found.Add(schedule);
                }
            }

            found.Sort();
            var median = found.Count == 0 ? "not found" : Median(found).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
            var range = found.Count == 0 ? "| - | -" : $"| {found[0]} | {found[^1]}";
            Console.WriteLine($"| {race.Name} | {race.Provider.Name} | {race.Rule} | {found.Count} of {seeds} | {median} {range} | {clock.Elapsed.TotalSeconds:0.0} s |");
        }

        return 0;
    }

    private static double Median(List<int> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
}

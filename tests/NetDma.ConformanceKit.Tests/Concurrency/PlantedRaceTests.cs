using NetDma.ConformanceKit.Concurrency;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;
using NetDma.ConformanceKit.Tests.BrokenProviders;

namespace NetDma.ConformanceKit.Tests.Concurrency;

/// <summary>
/// One broken provider per bug class of concurrency (besides the lock-order inversion of
/// <see cref="ScheduleExplorationTests"/>): each is found by schedule exploration within 1,000 schedules from a fixed
/// seed, under the rule its bug breaks; replayed from its trace to the same violation; and passes one call at a time,
/// so it is the exploration that finds it. <see cref="PlantedRace"/> holds the cases; the benchmark program's
/// schedules-to-find table (docs/performance.md) runs the same cases over many seeds.
/// </summary>
public sealed class PlantedRaceTests
{
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(60);

    [Theory]
    [MemberData(nameof(Races))]
    public void Exploration_finds_the_planted_race_within_1000_schedules_under_its_rule_and_replays_it(string name)
    {
        var race = PlantedRace.Named(name);
        var found = ScheduleExplorationTests.Explore(race.Script, new ScheduleOptions(1000, ScheduleStrategy.Random, race.Seed), race.Drivers);

        Assert.True(found.Outcome == ScriptOutcome.Failed, $"{name}, seed {race.Seed}: {ScheduleExplorationTests.Describe(found)}");
        var violation = Assert.Single(found.Violations, race.IsTheBug);
        Assert.Equal(race.Rule, violation.Rule.Id);
        Assert.NotNull(found.Schedules!.Trace);

        var replayed = ScheduleExplorationTests.Explore(race.Script, new ScheduleOptions(1, ReplayTrace: found.Schedules.Trace), race.Drivers);
        Assert.Equal(ScriptOutcome.Failed, replayed.Outcome);
        Assert.Equal(violation.Actual, Assert.Single(replayed.Violations, race.IsTheBug).Actual);
    }

    [Theory]
    [MemberData(nameof(Races))]
    public void One_call_at_a_time_the_planted_race_passes(string name)
    {
        var race = PlantedRace.Named(name);
        using var runner = new InProcessScriptRunner(race.Drivers, Watchdog);
        var sequential = runner.Run(ScriptParser.Parse(race.Script, $"{name}.ndma"));

        Assert.True(sequential.Outcome == ScriptOutcome.Passed, ScheduleExplorationTests.Describe(sequential));
    }

    public static TheoryData<string> Races => [.. PlantedRace.All.Select(r => r.Name)];
}

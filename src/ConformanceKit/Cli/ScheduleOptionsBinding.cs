using System.CommandLine;
using NetDma.ConformanceKit.Concurrency;

namespace NetDma.ConformanceKit.Cli;

/// <summary>
/// The schedule-exploration options of <c>run</c>: <c>--schedules N</c> (0, the default, is sequential mode),
/// <c>--strategy random|pct</c>, <c>--seed S</c> and <c>--replay FILE</c> (a trace a failing schedule wrote).
/// </summary>
public sealed class ScheduleOptionsBinding
{
    /// <summary>The folder, under the working directory, that failing schedules' traces are written to.</summary>
    public const string TraceFolder = "netdma-schedules";

    /// <summary>Creates the options.</summary>
    public ScheduleOptionsBinding()
    {
        Schedules = IntegerOption.Create("--schedules",
            "Schedules (interleavings of the simulated processors and the hardware, explored with Microsoft Coyote) per script; 0 runs one call at a time.",
            new IntegerRange(0, 1_000_000), 0);
        Strategy = new Option<string>("--strategy")
        {
            Description = "Coyote exploration strategy for --schedules: random, or pct (probabilistic concurrency testing).",
            DefaultValueFactory = _ => "random",
        };
        Strategy.AcceptOnlyFromAmong("random", "pct");
        Seed = IntegerOption.Create("--seed", "Seed of the schedule strategy: the same seed explores the same schedules.", new IntegerRange(0, int.MaxValue), 0);
        Replay = new Option<FileInfo?>("--replay")
        {
            Description = $"Replay the one schedule of this trace file (written to {TraceFolder}/ by a failing --schedules run) on the script given with --scripts.",
        };
    }

    /// <summary><c>--schedules</c>.</summary>
    public Option<int> Schedules { get; }

    /// <summary><c>--strategy</c>.</summary>
    public Option<string> Strategy { get; }

    /// <summary><c>--seed</c>.</summary>
    public Option<int> Seed { get; }

    /// <summary><c>--replay</c>.</summary>
    public Option<FileInfo?> Replay { get; }

    /// <summary>The options as a command's list.</summary>
    public IEnumerable<Option> All => [Schedules, Strategy, Seed, Replay];

    /// <summary>The exploration the parsed options ask for, or null for sequential mode.</summary>
    /// <exception cref="FileNotFoundException">The replay file does not exist.</exception>
    public ScheduleOptions? Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var strategy = parse.GetValue(Strategy) == "pct" ? ScheduleStrategy.Pct : ScheduleStrategy.Random;
        var seed = (uint)parse.GetValue(Seed);
        if (parse.GetValue(Replay) is { } replay)
        {
            if (!replay.Exists)
            {
                throw new FileNotFoundException($"replay trace '{replay.FullName}' does not exist", replay.FullName);
            }

            return new ScheduleOptions(1, strategy, seed, File.ReadAllText(replay.FullName));
        }

        var schedules = parse.GetValue(Schedules);
        return schedules == 0 ? null : new ScheduleOptions(schedules, strategy, seed);
    }
}

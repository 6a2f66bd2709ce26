using System.CommandLine;
using NetDma.ConformanceKit.Concurrency;

namespace NetDma.ConformanceKit.Cli;

/// <summary>
/// The schedule-exploration options of <c>run</c> and <c>explore</c>: <c>--schedules N</c> (0, the default, is
/// sequential mode), <c>--strategy random|pct</c>, the strategy's seed (<c>--seed S</c> for <c>run</c>;
/// <c>--schedule-seed S</c> for <c>explore</c>, whose <c>--seed</c> is the CsCheck seed) and, for <c>run</c>,
/// <c>--replay FILE</c> (a trace a failing schedule wrote).
/// </summary>
public sealed class ScheduleOptionsBinding
{
    /// <summary>The folder, under the working directory, that failing schedules' traces are written to.</summary>
    public const string TraceFolder = "netdma-schedules";

    /// <summary>Creates <c>run</c>'s options: <c>--schedules</c>, <c>--strategy</c>, <c>--seed</c> and <c>--replay</c>.</summary>
    public ScheduleOptionsBinding()
        : this("script", "--seed", replay: true)
    {
    }

    /// <summary>Creates the options of a command whose unit of exploration is <paramref name="unit"/>.</summary>
    /// <param name="unit">What each <c>--schedules</c> schedules are per, in the help text: <c>script</c>, <c>generated case</c>.</param>
    /// <param name="seedName">The strategy seed's option name (<c>--seed</c>, or <c>--schedule-seed</c> where <c>--seed</c> is taken).</param>
    /// <param name="replay">True to offer <c>--replay</c>.</param>
    public ScheduleOptionsBinding(string unit, string seedName, bool replay)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        ArgumentException.ThrowIfNullOrWhiteSpace(seedName);
        Schedules = IntegerOption.Create("--schedules",
            $"Schedules (interleavings of the simulated processors and the hardware, explored with Microsoft Coyote) per {unit}; 0 runs one call at a time. The provider runs in a worker process unless --in-process.",
            new IntegerRange(0, 1_000_000), 0);
        Strategy = new Option<string>("--strategy")
        {
            Description = "Coyote exploration strategy for --schedules: random, or pct (probabilistic concurrency testing).",
            DefaultValueFactory = _ => "random",
        };
        Strategy.AcceptOnlyFromAmong("random", "pct");
        Seed = IntegerOption.Create(seedName, "Seed of the schedule strategy: the same seed explores the same schedules.", new IntegerRange(0, int.MaxValue), 0);
        Replay = replay
            ? new Option<FileInfo?>("--replay")
            {
                Description = $"Replay the one schedule of this trace file (written to {TraceFolder}/ by a failing --schedules run) on the script given with --scripts.",
            }
            : null;
    }

    /// <summary><c>--schedules</c>.</summary>
    public Option<int> Schedules { get; }

    /// <summary><c>--strategy</c>.</summary>
    public Option<string> Strategy { get; }

    /// <summary>The strategy's seed: <c>--seed</c> or <c>--schedule-seed</c>.</summary>
    public Option<int> Seed { get; }

    /// <summary><c>--replay</c>, or null when the command does not offer it.</summary>
    public Option<FileInfo?>? Replay { get; }

    /// <summary>The options as a command's list.</summary>
    public IEnumerable<Option> All => Replay is null ? [Schedules, Strategy, Seed] : [Schedules, Strategy, Seed, Replay];

    /// <summary>Adds <see cref="All"/> to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The exploration the parsed options ask for, or null for sequential mode.</summary>
    /// <exception cref="FileNotFoundException">The replay file does not exist.</exception>
    public ScheduleOptions? Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var strategy = parse.GetValue(Strategy) == "pct" ? ScheduleStrategy.Pct : ScheduleStrategy.Random;
        var seed = (uint)parse.GetValue(Seed);
        if (Replay is not null && parse.GetValue(Replay) is { } replay)
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

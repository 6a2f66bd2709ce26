using System.CommandLine;
using System.Globalization;
using NetDma.ConformanceKit.Exploration;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Running;
using Spectre.Console;

namespace NetDma.ConformanceKit.Cli;

/// <summary>
/// The <c>explore</c> command: runs generated NetDMA call sequences against a provider and, when one fails, prints the
/// broken rules, the seed that reproduces it and the minimal failing script (also written to <c>--out</c>).
/// Exit codes as <see cref="ExitCodes"/>: 0 when every case passes, 1 when a failing case was found, 2 on bad input.
/// </summary>
public static class ExploreCommand
{
    /// <summary>How often the search reports progress, in cases.</summary>
    private const int ProgressEvery = 25;

    /// <summary>The values <c>--iterations</c> accepts.</summary>
    public static IntegerRange IterationsRange { get; } = new(1, int.MaxValue);

    /// <summary>The values <c>--channels</c> accepts.</summary>
    public static IntegerRange ChannelsRange { get; } = new(1, ExplorationOptions.MaxChannelCount);

    /// <summary>The command with its options, ready to add to the root command.</summary>
    /// <param name="console">Where the command reports.</param>
    public static Command Create(KitConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var provider = new Option<FileInfo?>("--provider")
        {
            Description = "Provider assembly (.dll) holding a public INetDmaProviderDriver class. Default: the bundled reference provider.",
        };
        var providerType = new Option<string?>("--provider-type")
        {
            Description = "Full or short name of the provider class, when the assembly holds several.",
        };
        var seed = new Option<string?>("--seed")
        {
            Description = "CsCheck seed of the first case, as printed by a failing run: reproduces that case and the whole run.",
        };
        seed.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !Explorer.IsSeed(value))
            {
                result.AddError($"--seed '{value}' is not a CsCheck seed (12 to 17 characters, as printed by a failing run)");
            }
        });
        var iterations = IntegerOption.Create("--iterations", "Generated cases to run.", IterationsRange, ExplorationOptions.DefaultIterations);
        var output = new Option<FileInfo?>("--out")
        {
            Description = "Write the minimal failing script to this .ndma file (replay it with `netdma-kit run --scripts <file>`).",
        };
        var channels = IntegerOption.Create("--channels", "Most channels allocated at once: the provider's DmaChannelCount.", ChannelsRange, ExplorationOptions.DefaultChannelCount);
        var inProcess = new Option<bool>("--in-process")
        {
            Description = "Run the provider in this process instead of a worker process (for a debugger; a provider that kills its process ends the run).",
        };
        var faults = FaultsOption.Create();
        var distribution = new ExploreDistribution.Binding();
        var schedules = new ScheduleOptionsBinding("generated case", "--schedule-seed", replay: false);
        var command = new Command("explore",
            "Run generated NetDMA call sequences against a provider (or transfer IRPs and PnP requests against a WDM DMA driver); on failure print the broken rules, the seed and the minimal failing script. Exit code 0 only when every case passes.")
        {
            provider, providerType, seed, iterations, output, channels, inProcess, faults,
        };
        foreach (var option in distribution.All)
        {
            command.Options.Add(option);
        }

        schedules.AddTo(command);
        command.SetAction(parse => Execute(
            console,
            parse.GetValue(provider),
            parse.GetValue(providerType),
            parse.GetValue(seed),
            parse.GetValue(iterations),
            parse.GetValue(output),
            parse.GetValue(channels),
            parse.GetValue(inProcess),
            parse.GetValue(faults),
            distribution.Read(parse),
            schedules.Read(parse)));
        return command;
    }

    /// <summary>
    /// Explores and reports; returns the process exit code (<see cref="ExitCodes"/>: 0 all passed, 1 a failing case
    /// was found, 2 bad input, including an <c>--out</c> path that cannot be written). The option values were checked by the parser; an internal error of the kit propagates
    /// to <see cref="KitEntryPoint"/>, which reports it and returns 3.
    /// </summary>
    /// <param name="console">Where the report goes.</param>
    /// <param name="provider">The provider assembly, or null for the reference provider.</param>
    /// <param name="providerType">The provider class name when the assembly holds several.</param>
    /// <param name="seed">The CsCheck seed of the first case, or null for a random one.</param>
    /// <param name="iterations">Cases to run, in <see cref="IterationsRange"/>.</param>
    /// <param name="output">Where to write the minimal failing script, or null.</param>
    /// <param name="channels">Most channels allocated at once, in <see cref="ChannelsRange"/>.</param>
    /// <param name="inProcess">True to run the provider in this process instead of a worker process.</param>
    /// <param name="faults">Faults injected into every generated case, or null.</param>
    /// <param name="distribution">Lanes, shard and report files; null for one lane, the whole run and no reports.</param>
    /// <param name="schedules">
    /// Schedules per generated case (<c>--schedules</c>), or null for sequential mode. The cases then hold
    /// <c>concurrently</c> blocks and are explored where the provider runs (each lane's worker, or this process with
    /// <paramref name="inProcess"/>); a failing case's trace
    /// is written beside <paramref name="output"/> (or to <see cref="ScheduleOptionsBinding.TraceFolder"/>).
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iterations"/> or <paramref name="channels"/> is out of range.</exception>
    /// <exception cref="FormatException"><paramref name="seed"/> is not a CsCheck seed.</exception>
    public static int Execute(KitConsole console, FileInfo? provider, string? providerType, string? seed, int iterations, FileInfo? output, int channels, bool inProcess = false, Faults.FaultSpec? faults = null,
        ExploreDistribution? distribution = null, Concurrency.ScheduleOptions? schedules = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        distribution ??= ExploreDistribution.Sequential;

        IScriptRunner runner;
        try
        {
            runner = DriverRunners.Create(provider, providerType, inProcess, ConformanceRun.DefaultWatchdog, faults, schedules);
        }
        catch (Exception e) when (e is DriverLoadException or Concurrency.Rewriting.RewriterMissingException)
        {
            console.WriteError(e.Message);
            return ExitCodes.BadUsage;
        }

        var report = console.Out;
        var shardEnd = (distribution.Shard ?? Exploration.ExplorationShard.Whole).Range(iterations).End;
        var options = new ExplorationOptions
        {
            Seed = seed,
            Iterations = iterations,
            ChannelCount = channels,
            Parallelism = distribution.Parallel,
            Shard = distribution.Shard,
            Schedules = schedules,
            Progress = progress => ReportProgress(report, progress, shardEnd),
        };
        // The first runner was made above (its load errors are bad input); the other lanes' runners repeat it.
        var made = runner;
        IScriptRunner NextRunner()
        {
            var next = made ?? DriverRunners.Create(provider, providerType, inProcess, ConformanceRun.DefaultWatchdog, faults, schedules);
            made = null;
            return next;
        }

        // A driver with no NetDMA provider is explored as a WDM DMA driver (generated IRPs and PnP requests);
        // ExploreWdm refuses one that has neither.
        var wdm = !runner.HasNetDmaDriver;
        var cases = distribution.Shard is { } shard
            ? $"cases {shard.Range(iterations).Start + 1}-{shardEnd} (shard {shard}) of {iterations}"
            : $"{iterations}";
        report.MarkupLine((wdm
                ? $"Exploring {cases} generated WDM DMA sequence(s) against [bold]{Markup.Escape(runner.DriverName)}[/]"
                : $"Exploring {cases} generated NetDMA sequence(s) against [bold]{Markup.Escape(runner.DriverName)}[/] ({channels} channel(s))") +
            (faults is null ? "" : $", injecting faults {Markup.Escape(faults.ToString())} (seed {faults.Seed})") +
            (schedules is null ? "" : $", {schedules.Schedules} schedule(s) each ({schedules.Strategy.ToString().ToLowerInvariant()} strategy, schedule seed {schedules.Seed})") +
            (distribution.Parallel == 1 ? "" : $", {distribution.Parallel} at a time"));
        ExplorationResult result;
        var started = DateTimeOffset.UtcNow;
        try
        {
            result = wdm ? Explorer.ExploreWdm(NextRunner, options) : Explorer.Explore(NextRunner, options);
        }
        catch (DriverUnavailableException e)
        {
            console.WriteError(e.Message);
            return ExitCodes.BadUsage;
        }
        finally
        {
            made?.Dispose();
        }

        var runReport = ExplorationReport.ToRunReport(result, started, DateTimeOffset.UtcNow, faults);
        var reported = true;
        reported &= RunCommand.WriteReport(console, "JUnit report", distribution.Report, path => Reporting.JUnitReportWriter.Write(runReport, path));
        reported &= RunCommand.WriteReport(console, "SARIF report", distribution.Sarif, path => Reporting.SarifReportWriter.Write(runReport, path));
        reported &= RunCommand.WriteReport(console, "JSON report", distribution.Json, path => Reporting.JsonReportWriter.Write(runReport, path));

        report.MarkupLine(wdm
            ? $"First seed: {Markup.Escape(result.FirstSeed)}"
            : $"Optional handlers used: {Markup.Escape(result.Capabilities.ToString())}. First seed: {Markup.Escape(result.FirstSeed)}");
        if (result.Failure is not { } failure)
        {
            var skipped = result.CasesSkipped == 0 ? "" : $", {result.CasesSkipped} skipped";
            report.MarkupLine($"[green]All {result.CasesPassed} case(s) passed[/]{skipped}. Reproduce this run with --seed {Markup.Escape(result.FirstSeed)}{(faults is null ? "" : Markup.Escape($" {FaultsOption.Name} '{faults}'"))}{Markup.Escape(ScheduleArguments(schedules))}.");

            // A report that cannot be written is bad input, as for run: CI would miss the file it asked for.
            return reported ? ExitCodes.Passed : ExitCodes.BadUsage;
        }

        var written = output is not null && WriteScript(console, output, failure.Script) ? output : null;
        var trace = WriteTrace(console, failure, output);
        WriteFailure(report, result, failure, provider, providerType, written, faults, schedules, trace);
        if (written is not null)
        {
            report.MarkupLine($"Minimal failing script written to {Markup.Escape(written.FullName)}");
        }

        // The checks' lines are lines of the minimal script, so they point into --out when it was written.
        console.Annotations?.Write(failure.Result, written?.FullName);

        // An --out that cannot be written is bad input, as an unwritable report is for run: CI would miss the file.
        return (output is not null && written is null) || !reported ? ExitCodes.BadUsage : ExitCodes.ConformanceFailure;
    }

    /// <summary>The options that repeat <paramref name="schedules"/> (empty in sequential mode).</summary>
    private static string ScheduleArguments(Concurrency.ScheduleOptions? schedules) => schedules is null
        ? ""
        : $" --schedules {schedules.Schedules} --strategy {schedules.Strategy.ToString().ToLowerInvariant()} --schedule-seed {schedules.Seed}";

    /// <summary>
    /// Writes the minimal case's failing schedule trace (schedule exploration only) beside <paramref name="output"/>
    /// (same name, <c>.trace</c>), or to <see cref="ScheduleOptionsBinding.TraceFolder"/> as <c>run --schedules</c>
    /// does; returns its path, or null when there is none or it cannot be written (said as an error).
    /// </summary>
    private static string? WriteTrace(KitConsole console, ExplorationFailure failure, FileInfo? output)
    {
        if (failure.Schedules is not { Trace: { } trace })
        {
            return null;
        }

        var path = output is not null
            ? Path.ChangeExtension(output.FullName, ".trace")
            : Path.GetFullPath(Path.Combine(ScheduleOptionsBinding.TraceFolder, $"explore-{failure.Seed}.trace"));
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, trace);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.WriteError($"cannot write the failing schedule's trace to '{path}': {e.Message}");
            return null;
        }
    }

    /// <summary>Writes the minimal failing script to <paramref name="output"/>; false, with an error, when the path cannot be written.</summary>
    private static bool WriteScript(KitConsole console, FileInfo output, string script)
    {
        try
        {
            File.WriteAllText(output.FullName, script);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.WriteError($"cannot write the minimal failing script to '{output.FullName}': {e.Message}");
            return false;
        }
    }

    private static void ReportProgress(IAnsiConsole console, ExplorationProgress progress, int iterations)
    {
        if (progress.Phase == ExplorationPhase.Exploring)
        {
            if (progress.Outcome == ScriptOutcome.Failed)
            {
                console.MarkupLine($"[red]Case {progress.Index + 1} failed[/] (seed {Markup.Escape(progress.Seed)}, {progress.Commands} commands); shrinking...");
            }
            else if ((progress.Index + 1) % ProgressEvery == 0 || progress.Index + 1 == iterations)
            {
                console.MarkupLine($"  {progress.Index + 1}/{iterations} cases run");
            }
        }
    }

    private static void WriteFailure(IAnsiConsole console, ExplorationResult result, ExplorationFailure failure, FileInfo? provider, string? providerType, FileInfo? output, Faults.FaultSpec? faults,
        Concurrency.ScheduleOptions? schedules, string? trace)
    {
        var commands = failure.Script.Count(c => c == '\n');
        console.MarkupLine(
            $"[red]Found a failing sequence[/] after {result.CasesRun} case(s); minimal: {commands} commands " +
            $"({failure.Shrinks} shrink(s) from seed {Markup.Escape(failure.FirstFailingSeed)}, {result.ShrinkRuns} candidate(s) run).");
        console.WriteLine();
        console.MarkupLine("[bold]Rules broken:[/]");
        if (failure.BrokenRules.Count == 0)
        {
            console.WriteLine("  (no rule ID: a status assertion failed; see the checks below)");
        }

        foreach (var id in failure.BrokenRules)
        {
            console.WriteLine(RuleCatalog.TryGet(id, out var rule) ? $"  {rule}" : $"  {id}");
        }

        if (failure.Result.Faults.Count > 0)
        {
            console.MarkupLine("[bold]Faults injected:[/]");
            foreach (var fault in failure.Result.Faults)
            {
                console.WriteLine($"  {fault}");
            }
        }

        console.MarkupLine("[bold]Failed checks:[/]");
        foreach (var check in failure.Result.Failures)
        {
            console.WriteLine($"  {check.Location} {check.Title}:");
            foreach (var line in check.Message.Split('\n'))
            {
                console.WriteLine("    " + line.TrimEnd('\r'));
            }
        }

        if (!failure.Reproduced)
        {
            console.MarkupLine("[yellow]warning:[/] the minimal case passed when CsCheck replayed it from its seed: the provider does not fail the same calls the same way every time.");
        }

        var driverArguments = (provider is null ? "" : $" --provider {provider.FullName}" + (providerType is null ? "" : $" --provider-type {providerType}"))
            + (faults is null ? "" : $" {FaultsOption.Name} '{faults}'");
        console.WriteLine();

        // Commands and the script go out unwrapped, so they can be copied as they are.
        var raw = console.Profile.Out.Writer;
        var scheduleArguments = ScheduleArguments(schedules);
        if (failure.Schedules is { } explored)
        {
            console.WriteLine($"Schedules: {explored}{(trace is null ? "" : $"; trace written to {trace}")}");
        }

        raw.WriteLine($"Reproduce: netdma-kit explore --seed {failure.Seed}{scheduleArguments}{driverArguments}");
        // The replay runs where the exploration ran (a worker by default); add --in-process to step through it in a debugger.
        var replay = trace is null ? "" : $" --replay {trace}";
        raw.WriteLine($"Replay:    netdma-kit run{replay} --scripts {output?.FullName ?? "<file with the script below>"}{driverArguments}");
        console.MarkupLine("[bold]Minimal failing script:[/]");
        raw.Write(failure.Script);
        raw.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# {commands} commands"));
    }
}

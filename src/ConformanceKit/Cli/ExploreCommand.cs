using System.CommandLine;
using System.Globalization;
using NetDma.ConformanceKit.Exploration;
using NetDma.ConformanceKit.Isolation;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Running;
using Spectre.Console;

namespace NetDma.ConformanceKit.Cli;

/// <summary>
/// The <c>explore</c> command: runs generated NetDMA call sequences against a provider and, when one fails, prints the
/// broken rules, the seed that reproduces it and the minimal failing script (also written to <c>--out</c>).
/// Exit code 0 when every case passes, 1 when a failing case was found, 2 on bad input.
/// </summary>
public static class ExploreCommand
{
    /// <summary>How often the search reports progress, in cases.</summary>
    private const int ProgressEvery = 25;

    /// <summary>The command with its options, ready to add to the root command.</summary>
    public static Command Create()
    {
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
        var iterations = new Option<int>("--iterations")
        {
            Description = "Generated cases to run.",
            DefaultValueFactory = _ => ExplorationOptions.DefaultIterations,
        };
        var output = new Option<FileInfo?>("--out")
        {
            Description = "Write the minimal failing script to this .ndma file (replay it with `netdma-kit run --scripts <file>`).",
        };
        var channels = new Option<int>("--channels")
        {
            Description = "Most channels allocated at once: the provider's DmaChannelCount.",
            DefaultValueFactory = _ => ExplorationOptions.DefaultChannelCount,
        };
        var inProcess = new Option<bool>("--in-process")
        {
            Description = "Run the provider in this process instead of a worker process (for a debugger; a provider that kills its process ends the run).",
        };
        var command = new Command("explore",
            "Run generated NetDMA call sequences against a provider; on failure print the broken rules, the seed and the minimal failing script. Exit code 0 only when every case passes.")
        {
            provider, providerType, seed, iterations, output, channels, inProcess,
        };
        command.SetAction(parse => Execute(
            AnsiConsole.Console,
            parse.GetValue(provider),
            parse.GetValue(providerType),
            parse.GetValue(seed),
            parse.GetValue(iterations),
            parse.GetValue(output),
            parse.GetValue(channels),
            parse.GetValue(inProcess)));
        return command;
    }

    /// <summary>Explores and reports; returns the process exit code (0 all passed, 1 a failing case was found, 2 bad input).</summary>
    /// <param name="console">Where the report goes.</param>
    /// <param name="provider">The provider assembly, or null for the reference provider.</param>
    /// <param name="providerType">The provider class name when the assembly holds several.</param>
    /// <param name="seed">The CsCheck seed of the first case, or null for a random one.</param>
    /// <param name="iterations">Cases to run, at least 1.</param>
    /// <param name="output">Where to write the minimal failing script, or null.</param>
    /// <param name="channels">Most channels allocated at once, 1..32.</param>
    /// <param name="inProcess">True to run the provider in this process instead of a worker process.</param>
    public static int Execute(IAnsiConsole console, FileInfo? provider, string? providerType, string? seed, int iterations, FileInfo? output, int channels, bool inProcess = false)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (seed is not null && !Explorer.IsSeed(seed))
        {
            return BadInput(console, $"--seed '{seed}' is not a CsCheck seed (12 to 17 characters, as printed by a failing run)");
        }

        if (iterations < 1)
        {
            return BadInput(console, $"--iterations must be at least 1, found {iterations}");
        }

        if (channels is < 1 or > 32)
        {
            return BadInput(console, $"--channels must be 1..32 (the provider's DmaChannelCount), found {channels}");
        }

        IScriptRunner runner;
        try
        {
            runner = DriverRunners.Create(provider, providerType, inProcess, ConformanceRun.DefaultWatchdog);
        }
        catch (DriverLoadException e)
        {
            return BadInput(console, e.Message);
        }
        catch (WorkerStartException e)
        {
            console.MarkupLine($"[red]internal error:[/] {Markup.Escape(e.Message)}");
            return 3;
        }

        using var owned = runner;
        var options = new ExplorationOptions
        {
            Seed = seed,
            Iterations = iterations,
            ChannelCount = channels,
            Progress = progress => ReportProgress(console, progress, iterations),
        };
        console.MarkupLine($"Exploring {iterations} generated NetDMA sequence(s) against [bold]{Markup.Escape(runner.DriverName)}[/] ({channels} channel(s))");
        ExplorationResult result;
        try
        {
            result = Explorer.Explore(runner, options);
        }
        catch (DriverUnavailableException e)
        {
            return BadInput(console, e.Message);
        }
        catch (WorkerStartException e)
        {
            console.MarkupLine($"[red]internal error:[/] {Markup.Escape(e.Message)}");
            return 3;
        }

        console.MarkupLine($"Optional handlers used: {Markup.Escape(result.Capabilities.ToString())}. First seed: {Markup.Escape(result.FirstSeed)}");
        if (result.Failure is not { } failure)
        {
            var skipped = result.CasesSkipped == 0 ? "" : $", {result.CasesSkipped} skipped";
            console.MarkupLine($"[green]All {result.CasesPassed} case(s) passed[/]{skipped}. Reproduce this run with --seed {Markup.Escape(result.FirstSeed)}.");
            return 0;
        }

        if (output is not null)
        {
            File.WriteAllText(output.FullName, failure.Script);
        }

        WriteFailure(console, result, failure, provider, providerType, output);
        if (output is not null)
        {
            console.MarkupLine($"Minimal failing script written to {Markup.Escape(output.FullName)}");
        }

        return 1;
    }

    private static int BadInput(IAnsiConsole console, string message)
    {
        console.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return 2;
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

    private static void WriteFailure(IAnsiConsole console, ExplorationResult result, ExplorationFailure failure, FileInfo? provider, string? providerType, FileInfo? output)
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

        console.MarkupLine("[bold]Failed checks:[/]");
        foreach (var check in failure.Result.Failures)
        {
            console.WriteLine($"  {check.Location} {check.Step}:");
            foreach (var line in check.Message.Split('\n'))
            {
                console.WriteLine("    " + line.TrimEnd('\r'));
            }
        }

        if (!failure.Reproduced)
        {
            console.MarkupLine("[yellow]warning:[/] the minimal case passed when CsCheck replayed it from its seed: the provider does not fail the same calls the same way every time.");
        }

        var driverArguments = provider is null ? "" : $" --provider {provider.FullName}" + (providerType is null ? "" : $" --provider-type {providerType}");
        console.WriteLine();

        // Commands and the script go out unwrapped, so they can be copied as they are.
        var raw = console.Profile.Out.Writer;
        raw.WriteLine($"Reproduce: netdma-kit explore --seed {failure.Seed}{driverArguments}");
        raw.WriteLine($"Replay:    netdma-kit run --scripts {output?.FullName ?? "<file with the script below>"}{driverArguments}");
        console.MarkupLine("[bold]Minimal failing script:[/]");
        raw.Write(failure.Script);
        raw.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# {commands} commands"));
    }
}

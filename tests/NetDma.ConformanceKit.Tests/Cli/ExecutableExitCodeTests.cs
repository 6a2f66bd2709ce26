using NetDma.ConformanceKit.Cli;
using NetDma.ConformanceKit.Tests.Support;

namespace NetDma.ConformanceKit.Tests.Cli;

/// <summary>
/// End to end: the exit code the real executable hands CI (<see cref="ExitCodes"/>) for every kind of outcome,
/// and the stderr message that goes with a usage error or an internal error: one <c>error:</c> or
/// <c>internal error:</c> line, never a stack trace.
/// </summary>
public sealed class ExecutableExitCodeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ndma-exit-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void AssertUsageError(KitRun run, string error, string helpHint)
    {
        Assert.True(run.ExitCode == ExitCodes.BadUsage, run.ToString());
        Assert.Equal("", run.Output);
        Assert.Contains($"error: {error}", run.Errors);
        Assert.Contains($"Run '{helpHint} --help' for usage.", run.Errors);
        Assert.DoesNotContain("   at ", run.Errors);
    }

    [Theory]
    [InlineData("run --bogus", "Unrecognized command or argument '--bogus'.", "netdma-kit run")]
    [InlineData("rnu", "Unrecognized command or argument 'rnu'.", "netdma-kit")]
    [InlineData("run --timeout", "Required argument missing for option: '--timeout'.", "netdma-kit run")]
    [InlineData("run --timeout abc", "--timeout must be a whole number, 1..3600 seconds; found 'abc'", "netdma-kit run")]
    [InlineData("run --timeout -5", "--timeout must be a whole number, 1..3600 seconds; found '-5'", "netdma-kit run")]
    [InlineData("run --timeout 0", "--timeout must be a whole number, 1..3600 seconds; found '0'", "netdma-kit run")]
    [InlineData("run --timeout 3601", "--timeout must be a whole number, 1..3600 seconds; found '3601'", "netdma-kit run")]
    [InlineData("explore --iterations 0", "--iterations must be a whole number, at least 1; found '0'", "netdma-kit explore")]
    [InlineData("explore --channels 33", "--channels must be a whole number, 1..32; found '33'", "netdma-kit explore")]
    public void A_command_line_that_does_not_parse_exits_2_before_any_work(string commandLine, string error, string helpHint)
    {
        AssertUsageError(KitProcess.Run(commandLine.Split(' ')), error, helpHint);
    }

    [Fact]
    public void No_command_at_all_exits_2()
    {
        AssertUsageError(KitProcess.Run(), "Required command was not provided.", "netdma-kit");
    }

    [Fact]
    public void A_missing_provider_file_exits_2()
    {
        var missing = Path.Combine(_folder, "missing.dll");

        var run = KitProcess.Run("run", "--provider", missing, "--scripts", BundledScripts.Conformance);

        Assert.True(run.ExitCode == ExitCodes.BadUsage, run.ToString());
        Assert.Equal($"error: provider assembly '{missing}' does not exist", run.Errors.TrimEnd());
    }

    [Fact]
    public void A_missing_scripts_folder_exits_2()
    {
        var missing = Path.Combine(_folder, "no-such-scripts");

        var run = KitProcess.Run("run", "--scripts", missing);

        Assert.True(run.ExitCode == ExitCodes.BadUsage, run.ToString());
        Assert.Equal($"error: no script file or folder at '{missing}'", run.Errors.TrimEnd());
    }

    [Fact]
    public void A_kit_installed_without_its_worker_exits_3_with_a_one_line_internal_error()
    {
        // A copy of the kit without netdma-kit-worker.dll: the worker the default mode needs cannot start.
        var kit = Path.Combine(_folder, "kit");
        Directory.CreateDirectory(kit);
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory))
        {
            if (!Path.GetFileName(file).StartsWith("netdma-kit-worker", StringComparison.Ordinal))
            {
                File.Copy(file, Path.Combine(kit, Path.GetFileName(file)));
            }
        }

        var run = KitProcess.Run(Path.Combine(kit, "netdma-kit.dll"), new Dictionary<string, string>(), "run", "--scripts", BundledScripts.Conformance);

        Assert.True(run.ExitCode == ExitCodes.InternalError, run.ToString());
        Assert.StartsWith(
            $"internal error: NetDma.ConformanceKit.Isolation.WorkerStartException: the worker assembly '{Path.Combine(kit, "netdma-kit-worker.dll")}' does not exist",
            run.Errors);
        Assert.Contains("Set NETDMA_KIT_DEBUG=1 to see the stack trace.", run.Errors);
        Assert.DoesNotContain("   at ", run.Errors);
    }

    [Fact]
    public void The_reference_drivers_exit_0()
    {
        var run = KitProcess.Run("run", "--scripts", BundledScripts.Conformance);

        Assert.True(run.ExitCode == ExitCodes.Passed, run.ToString());
        Assert.Equal("", run.Errors);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("run --help")]
    [InlineData("explore --help")]
    [InlineData("run --bogus --help")]
    public void Help_exits_0_and_ends_with_the_exit_code_table(string commandLine)
    {
        var run = KitProcess.Run(commandLine.Split(' '));

        Assert.True(run.ExitCode == ExitCodes.Passed, run.ToString());
        Assert.EndsWith(ExitCodes.Table.Replace("\n", Environment.NewLine, StringComparison.Ordinal), run.Output.TrimEnd());
    }
}

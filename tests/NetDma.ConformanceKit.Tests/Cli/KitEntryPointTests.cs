using System.CommandLine;
using NetDma.ConformanceKit.Cli;
using NetDma.ConformanceKit.Isolation;
using NetDma.ConformanceKit.Running;
using NetDma.ReferenceProvider.NetDma;

namespace NetDma.ConformanceKit.Tests.Cli;

/// <summary>
/// <see cref="KitEntryPoint"/> in process: a command line that does not parse exits 2 with <c>error:</c> lines and a
/// hint on stderr, an exception that escapes a command exits 3 with a one-line <c>internal error:</c> (the stack
/// trace only when asked for), and a command's own exit code passes through.
/// </summary>
public sealed class KitEntryPointTests : IDisposable
{
    private readonly CliTestKit _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>A root with one command, <c>probe</c>, whose action is <paramref name="action"/>.</summary>
    private static RootCommand Root(Func<int> action)
    {
        var probe = new Command("probe", "A command for the test.") { new Option<bool>("--flag") };
        probe.SetAction(_ => action());
        var root = new RootCommand("test root") { probe };
        ExitCodesHelpAction.AddTo(root);
        return root;
    }

    private int Run(Func<int> action, bool showStackTraces = false, params string[] args) =>
        KitEntryPoint.Run(Root(action), args, _cli.Console, showStackTraces);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void The_exit_code_of_the_command_is_the_exit_code(int code)
    {
        Assert.Equal(code, Run(() => code, false, "probe"));
    }

    [Fact]
    public void Each_parse_error_is_an_error_line_on_stderr_then_a_help_hint_and_exit_code_2()
    {
        var ran = false;

        var exit = Run(() => { ran = true; return 0; }, false, "probe", "--bogus", "extra");

        Assert.Equal(ExitCodes.BadUsage, exit);
        Assert.False(ran);
        Assert.Equal("", _cli.Output);
        Assert.Equal(
            ["error: Unrecognized command or argument '--bogus'.", "error: Unrecognized command or argument 'extra'.", "Run 'netdma-kit probe --help' for usage."],
            _cli.Errors.TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public void Help_wins_over_parse_errors_and_ends_with_the_exit_code_table()
    {
        var exit = Run(() => 1, false, "probe", "--bogus", "--help");

        Assert.Equal(ExitCodes.Passed, exit);
        Assert.Equal("", _cli.Errors);
        Assert.Contains("--flag", _cli.Output);
        Assert.EndsWith(ExitCodes.Table.Replace("\n", Environment.NewLine, StringComparison.Ordinal), _cli.Output.TrimEnd());
    }

    [Fact]
    public void An_exception_escaping_a_command_is_a_one_line_internal_error_and_exit_code_3()
    {
        var exit = Run(() => throw new InvalidOperationException("the kit lost track of channel 3"), false, "probe");

        Assert.Equal(ExitCodes.InternalError, exit);
        Assert.Equal(
            ["internal error: System.InvalidOperationException: the kit lost track of channel 3", "Set NETDMA_KIT_DEBUG=1 to see the stack trace."],
            _cli.Errors.TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public void With_stack_traces_asked_for_the_internal_error_shows_where_it_was_thrown_and_its_cause()
    {
        var exit = Run(() => throw new InvalidOperationException("outer", new FormatException("inner cause")), true, "probe");

        Assert.Equal(ExitCodes.InternalError, exit);
        var errors = _cli.Errors;
        Assert.StartsWith("internal error: System.InvalidOperationException: outer", errors);
        Assert.Contains($"   at {typeof(KitEntryPointTests).FullName}", errors);
        Assert.Contains("caused by: System.FormatException: inner cause", errors);
    }

    [Fact]
    public void A_worker_that_cannot_start_is_an_internal_error_with_exit_code_3()
    {
        var missingWorker = Path.Combine(_cli.Folder, "no-worker-here.dll");
        var source = new DriverSource(typeof(ReferenceNetDmaProviderDriver).Assembly.Location);

        var exit = Run(() =>
        {
            using var runner = new WorkerScriptRunner(source, new WorkerOptions { WorkerPath = missingWorker });
            return 0;
        }, false, "probe");

        Assert.Equal(ExitCodes.InternalError, exit);
        Assert.StartsWith($"internal error: {typeof(WorkerStartException).FullName}: the worker assembly '{missingWorker}' does not exist", _cli.Errors);
    }
}

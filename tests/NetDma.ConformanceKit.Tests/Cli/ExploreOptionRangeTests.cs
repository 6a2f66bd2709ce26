using NetDma.ConformanceKit.Cli;

namespace NetDma.ConformanceKit.Tests.Cli;

/// <summary>
/// The options of <c>explore</c> are checked while the command line is parsed: a value out of range or a seed that is
/// not one exits 2 with a message naming the option, before any provider is loaded or any case runs.
/// </summary>
public sealed class ExploreOptionRangeTests : IDisposable
{
    private readonly CliTestKit _cli = new();

    public void Dispose() => _cli.Dispose();

    private int Explore(params string[] args) =>
        KitEntryPoint.Run(new System.CommandLine.RootCommand { ExploreCommand.Create(_cli.Console) }, ["explore", .. args], _cli.Console, showStackTraces: false);

    [Theory]
    [InlineData("--iterations", "0", "--iterations must be a whole number, at least 1; found '0'")]
    [InlineData("--iterations", "-1", "--iterations must be a whole number, at least 1; found '-1'")]
    [InlineData("--channels", "0", "--channels must be a whole number, 1..32; found '0'")]
    [InlineData("--channels", "33", "--channels must be a whole number, 1..32; found '33'")]
    [InlineData("--channels", "four", "--channels must be a whole number, 1..32; found 'four'")]
    [InlineData("--seed", "not-a-seed", "--seed 'not-a-seed' is not a CsCheck seed (12 to 17 characters, as printed by a failing run)")]
    public void A_bad_value_exits_2_naming_the_option_before_anything_runs(string option, string value, string error)
    {
        var exit = Explore(option, value, "--provider", Path.Combine(_cli.Folder, "never-loaded.dll"));

        Assert.Equal(ExitCodes.BadUsage, exit);
        Assert.Equal("", _cli.Output);
        Assert.StartsWith($"error: {error}{Environment.NewLine}", _cli.Errors);
        Assert.DoesNotContain("never-loaded", _cli.Errors);
    }
}

using NetDma.ConformanceKit.Faults;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Tests.Faults;

/// <summary>The fault spec grammar: the stable text form round-trips, and each error names its position.</summary>
public sealed class FaultSpecTests
{
    [Theory]
    [InlineData("pool:every=3,tag=Ndma", "seed=0;pool:every=3,tag=Ndma")]
    [InlineData("seed=7; pool:p=0.25 ;connect-interrupt", "seed=7;pool:p=0.25;connect-interrupt:every=1")]
    [InlineData("map-registers:grant=2;interrupt:spurious=5,limit=2", "seed=0;map-registers:grant=2;interrupt:every=1,spurious=5,limit=2")]
    [InlineData("pool:limit=1,every=1", "seed=0;pool:every=1,limit=1")]
    [InlineData("dma-read:every=5,limit=1", "seed=0;dma-read:every=5,limit=1")]
    [InlineData("none", "none")]
    public void The_stable_text_form_parses_back_to_an_equal_spec(string text, string stable)
    {
        var spec = FaultSpec.Parse(text);

        Assert.Equal(stable, spec.ToString());
        Assert.Equal(spec, FaultSpec.Parse(spec.ToString()));
    }

    [Theory]
    [InlineData("pool:every=0", 11, "expected a call interval N (every Nth call fails), 1..2147483647, found '0'")]
    [InlineData("pool", 0, "expected 'pool' with exactly one of every=N or p=x, found neither")]
    [InlineData("pool:every=2,p=0.5", 0, "expected 'pool' with exactly one of every=N or p=x, found both")]
    [InlineData("pool:p=1.5", 7, "expected a probability, greater than 0 and at most 1 (e.g. 0.1), found '1.5'")]
    [InlineData("pool:every=1,tag=TooLong", 17, "expected a pool tag of 1 to 4 printable ASCII characters, found 'TooLong'")]
    [InlineData("pol:every=1", 0, "expected a fault kind (pool, map-registers, connect-interrupt, interrupt, dma-read, surprise-removal, descriptor), seed=N or none, found 'pol'; did you mean 'pool'?")]
    [InlineData("pool:evry=1", 5, "expected a parameter of 'pool' (every=, p=, tag=, limit=), found 'evry=1'; did you mean 'every='?")]
    [InlineData("map-registers", 0, "expected 'map-registers:grant=N', found 'map-registers' without grant=")]
    [InlineData("connect-interrupt;connect-interrupt", 18, "expected each fault kind at most once, found a second 'connect-interrupt' (the first is at position 1)")]
    [InlineData("seed=x;pool:every=1", 5, "expected a seed, 0..18446744073709551615, found 'x'")]
    [InlineData("pool:every=1;", 13, "expected a fault (pool, map-registers, connect-interrupt, interrupt, dma-read, surprise-removal, descriptor), seed=N or none, found end of spec")]
    public void An_error_names_its_position_what_was_expected_and_what_was_found(string text, int position, string message)
    {
        var error = Assert.Throws<FaultSpecException>(() => FaultSpec.Parse(text));

        Assert.Equal(position, error.Position);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void The_fault_command_reports_spec_errors_at_their_file_line_and_column()
    {
        var error = Assert.Throws<ScriptParseException>(() => ScriptParser.Parse("add_device\n  fault  pool:every=1,tag=TooLong # comment\n", "f.ndma"));

        Assert.Equal(new SourceLocation("f.ndma", 2, 27), error.Location);
        Assert.Equal("f.ndma:2:27: expected a pool tag of 1 to 4 printable ASCII characters, found 'TooLong'", error.Message);
    }

    [Fact]
    public void The_fault_command_formats_to_its_stable_text_and_parses_back()
    {
        var script = ScriptParser.Parse("fault seed=3;pool:p=0.5 # window opens\nadd_device\nfault none\n", "f.ndma");

        var commands = script.Commands.OfType<FaultCommand>().ToList();
        Assert.Equal("fault seed=3;pool:p=0.5", ScriptFormatter.Format(commands[0]));
        Assert.Equal("fault none", ScriptFormatter.Format(commands[1]));
        Assert.Equal(commands[0], ScriptParser.Parse(ScriptFormatter.Format(commands[0]), "f.ndma").Commands.Single() with { Location = commands[0].Location });
    }

    [Fact]
    public void A_fault_command_without_a_spec_is_an_error_at_the_end_of_the_line()
    {
        var error = Assert.Throws<ScriptParseException>(() => ScriptParser.Parse("fault   \n", "f.ndma"));

        Assert.Equal("f.ndma:1:9: expected a fault spec (e.g. pool:every=2, or none), found end of line", error.Message);
    }
}

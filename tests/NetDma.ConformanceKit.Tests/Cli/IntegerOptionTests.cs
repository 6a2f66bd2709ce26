using System.CommandLine;
using NetDma.ConformanceKit.Cli;

namespace NetDma.ConformanceKit.Tests.Cli;

/// <summary>
/// <see cref="IntegerOption"/>, the one mechanism behind every numeric option: a whole number inside the range is the
/// value, the default applies when the option is absent, and anything else is a parse error that names the option,
/// the range and the value found.
/// </summary>
public sealed class IntegerOptionTests
{
    private static readonly IntegerRange Seconds = new(1, 3600, "seconds");

    private static ParseResult Parse(Option<int> option, params string[] args) => new RootCommand { option }.Parse(args);

    [Theory]
    [InlineData("1", 1)]
    [InlineData("3600", 3600)]
    [InlineData("+7", 7)]
    public void A_whole_number_inside_the_range_is_the_value(string token, int value)
    {
        var option = IntegerOption.Create("--timeout", "Seconds.", Seconds, 20);

        var parse = Parse(option, "--timeout", token);

        Assert.Empty(parse.Errors);
        Assert.Equal(value, parse.GetValue(option));
    }

    [Fact]
    public void The_default_applies_when_the_option_is_absent()
    {
        var option = IntegerOption.Create("--timeout", "Seconds.", Seconds, 20);

        var parse = Parse(option);

        Assert.Empty(parse.Errors);
        Assert.Equal(20, parse.GetValue(option));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("3601")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    [InlineData("")]
    public void Anything_else_is_one_parse_error_naming_option_range_and_value(string token)
    {
        var option = IntegerOption.Create("--timeout", "Seconds.", Seconds, 20);

        var parse = Parse(option, "--timeout", token);

        var error = Assert.Single(parse.Errors);
        Assert.Equal($"--timeout must be a whole number, 1..3600 seconds; found '{token}'", error.Message);
    }

    [Fact]
    public void A_range_without_an_upper_bound_reads_at_least()
    {
        var option = IntegerOption.Create("--iterations", "Cases.", new IntegerRange(1, int.MaxValue), 200);

        var error = Assert.Single(Parse(option, "--iterations", "0").Errors);

        Assert.Equal("--iterations must be a whole number, at least 1; found '0'", error.Message);
        Assert.Equal("Cases. Allowed: at least 1.", option.Description);
    }

    [Fact]
    public void The_help_text_states_the_range()
    {
        Assert.Equal("Seconds. Allowed: 1..3600 seconds.", IntegerOption.Create("--timeout", "Seconds.", Seconds, 20).Description);
    }

    [Fact]
    public void A_default_outside_the_range_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IntegerOption.Create("--timeout", "Seconds.", Seconds, 0));
    }
}

using NetDma.ConformanceKit.Scripting;
using static NetDma.ConformanceKit.Tests.Scripting.ScriptText;

namespace NetDma.ConformanceKit.Tests.Scripting;

/// <summary>Comments, blank lines, line ends, columns and number literals.</summary>
public sealed class LexicalTests
{
    [Fact]
    public void Comments_blank_lines_and_whitespace_only_lines_produce_no_commands()
    {
        var script = Parse("# header comment\n\n   \t\n  # indented comment\nadd_device   # trailing comment\n\n");
        var command = Assert.Single(script.Commands);
        Assert.Equal(new SourceLocation(FileName, 5, 1), command.Location);
    }

    [Fact]
    public void Empty_text_is_an_empty_script()
    {
        Assert.Empty(Parse("").Commands);
        Assert.Empty(Parse("\n\n# only comments\n").Commands);
    }

    [Fact]
    public void Hash_inside_a_title_string_is_text_not_a_comment()
    {
        Assert.Equal("issue #12", Parse("title \"issue #12\" # a comment").Title);
    }

    [Fact]
    public void Comment_directly_after_a_token_ends_the_line()
    {
        Assert.Equal(100, Last<RunCommand>("run steps=100#fast").Steps);
    }

    [Fact]
    public void CRLF_and_LF_line_ends_give_the_same_commands_and_locations()
    {
        var lf = Parse(Prelude + "allocate ch0 mask=1\n");
        var crlf = Parse((Prelude + "allocate ch0 mask=1\n").Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.Equal(lf.Commands, crlf.Commands);
    }

    [Fact]
    public void Last_line_without_newline_is_parsed()
    {
        Assert.IsType<RemoveDeviceCommand>(Parse("add_device\nremove_device").Commands[^1]);
    }

    [Theory]
    [InlineData("4096", 4096UL)]
    [InlineData("4_096", 4096UL)]
    [InlineData("0x1000", 4096UL)]
    [InlineData("0X10_00", 4096UL)]
    [InlineData("0xfFf", 4095UL)]
    [InlineData("0b1_0000_0000_0000", 4096UL)]
    [InlineData("0B11", 3UL)]
    [InlineData("007", 7UL)]
    [InlineData("16_777_216", 16UL * 1024 * 1024)]
    public void Number_formats_decimal_hex_binary_and_separators_give_the_same_value(string literal, ulong value)
    {
        Assert.Equal(value, Last<BufferCommand>("buffer b " + literal).Size);
    }

    [Theory]
    [InlineData("18446744073709551615", ulong.MaxValue)]
    [InlineData("0xFFFF_FFFF_FFFF_FFFF", ulong.MaxValue)]
    [InlineData("0", 0UL)]
    public void ScriptNumber_reads_the_full_64_bit_range(string literal, ulong value)
    {
        Assert.Equal(ScriptNumber.Result.Ok, ScriptNumber.TryParse(literal, out var parsed));
        Assert.Equal(value, parsed);
    }

    [Theory]
    [InlineData("18446744073709551616")]
    [InlineData("0x1_0000_0000_0000_0000")]
    [InlineData("0b1_0000000000000000000000000000000000000000000000000000000000000000")]
    public void ScriptNumber_reports_overflow_past_64_bits(string literal)
    {
        Assert.Equal(ScriptNumber.Result.Overflow, ScriptNumber.TryParse(literal, out _));
    }

    [Theory]
    [InlineData("1__0")]
    [InlineData("1_")]
    [InlineData("0x")]
    [InlineData("0b")]
    [InlineData("0x_1")]
    [InlineData("0b012")]
    [InlineData("12ab")]
    [InlineData("1.5")]
    [InlineData("0xG")]
    public void ScriptNumber_rejects_malformed_literals(string literal)
    {
        Assert.Equal(ScriptNumber.Result.Malformed, ScriptNumber.TryParse(literal, out _));
    }

    [Fact]
    public void Word_characters_include_dot_and_dash_but_arrow_ends_a_word()
    {
        var chain = Last<ChainCommand>("buffer rx.ring-0 64\nbuffer tx_1 64\nchain c.a-1 rx.ring-0+8->tx_1:8");
        Assert.Equal("c.a-1", chain.Name);
        Assert.Equal(new CopyDescriptor(new BufferRef("rx.ring-0", 8), new BufferRef("tx_1", 0), 8), Assert.Single(chain.Descriptors));
    }

    [Fact]
    public void Tokens_report_one_based_columns_with_a_tab_counting_as_one()
    {
        var tokens = ScriptLexer.Tokenize("\tchain c1 src+0->dst:512 interrupt=each # x", FileName, 3);
        Assert.Equal(
            [
                (ScriptTokenKind.Word, "chain", 2),
                (ScriptTokenKind.Word, "c1", 8),
                (ScriptTokenKind.Word, "src", 11),
                (ScriptTokenKind.Plus, "+", 14),
                (ScriptTokenKind.Number, "0", 15),
                (ScriptTokenKind.Arrow, "->", 16),
                (ScriptTokenKind.Word, "dst", 18),
                (ScriptTokenKind.Colon, ":", 21),
                (ScriptTokenKind.Number, "512", 22),
                (ScriptTokenKind.Option, "interrupt", 26),
                (ScriptTokenKind.EndOfLine, "", 41),
            ],
            tokens.Select(t => (t.Kind, t.Text, t.Location.Column)));
        Assert.All(tokens, t => Assert.Equal(3, t.Location.Line));
        Assert.Equal(("each", 36), (tokens[9].Value, tokens[9].ValueLocation.Column));
    }

    [Fact]
    public void End_of_line_token_is_one_past_the_last_character()
    {
        Assert.Equal(11, ScriptLexer.Tokenize("add_device", FileName, 1)[^1].Location.Column);
        Assert.Equal(13, ScriptLexer.Tokenize("add_device  ", FileName, 1)[^1].Location.Column);
    }
}

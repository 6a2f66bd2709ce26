using NetDma.ConformanceKit.Scripting;
using static NetDma.ConformanceKit.Tests.Scripting.ScriptText;

namespace NetDma.ConformanceKit.Tests.Scripting;

/// <summary>"Did you mean" suggestions for commands, options and names.</summary>
public sealed class NearestNameTests
{
    [Theory]
    [InlineData("alocate", "allocate")]      // deletion
    [InlineData("allocatte", "allocate")]    // insertion
    [InlineData("allcoate", "allocate")]     // transposition
    [InlineData("assert_stauts", "assert_status")]
    [InlineData("asert_copied", "assert_copied")]
    [InlineData("ADD_DEVICE", "add_device")] // case
    [InlineData("assert_no_violations", "assert_no_violation")]
    [InlineData("remove", "remove_device")]  // prefix
    public void Misspelled_command_suggests_the_keyword(string typo, string keyword)
    {
        Assert.Equal($"did you mean '{keyword}'?", Error(typo).Hint);
    }

    [Theory]
    [InlineData("xyzzy")]
    [InlineData("go")]
    [InlineData("q")]
    public void Unrelated_word_gets_no_suggestion(string word)
    {
        Assert.Null(Error(word).Hint);
    }

    [Theory]
    [InlineData("platform procesors=2", "did you mean 'processors='?")]
    [InlineData("platform msi=on", "did you mean 'msix='?")]
    [InlineData("buffer b 1 fil=zero", "did you mean 'fill='?")]
    [InlineData("buffer a 1\nbuffer b 1\nchain c a->b:1 interupt=each", "did you mean 'interrupt='?")]
    public void Misspelled_option_suggests_the_option(string script, string hint)
    {
        Assert.Equal(hint, Error(script).Hint);
    }

    [Fact]
    public void Misspelled_value_suggests_the_value()
    {
        Assert.Equal("did you mean 'pattern'?", Error("buffer b 1 fill=patern").Hint);
        Assert.Equal("did you mean 'HIGH_LEVEL'?", Error(WithChannel + "reset ch0 irql=HIGH_LEVL").Hint);
        Assert.Equal("did you mean 'STATUS_UNSUCCESSFUL'?", Error("add_device\nassert_status STATUS_UNSUCESSFUL").Hint);
        Assert.Equal("did you mean 'Halted'?", Error(WithChannel + "assert_completion ch0 Halt").Hint);
    }

    [Fact]
    public void Misspelled_buffer_chain_and_channel_names_suggest_declared_names()
    {
        Assert.Equal("did you mean 'src'?", Error(Prelude + "assert_bytes scr 1 0").Hint);
        Assert.Equal("did you mean 'c1'?", Error(WithChannel + "start ch0 C1").Hint);
        Assert.Equal("did you mean 'ch0'?", Error(WithChannel + "abort Ch0").Hint);
    }

    [Fact]
    public void Distance_counts_a_swap_of_neighbours_as_one_edit()
    {
        Assert.Equal(1, NearestName.Distance("ab", "ba"));
        Assert.Equal(3, NearestName.Distance("kitten", "sitting"));
        Assert.Equal(0, NearestName.Distance("same", "same"));
    }
}

using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.Tests.Annotations;

public sealed class IrqlNamesTests
{
    [Theory]
    [InlineData(0, "PASSIVE_LEVEL")]
    [InlineData(1, "APC_LEVEL")]
    [InlineData(2, "DISPATCH_LEVEL")]
    [InlineData(3, "DIRQL")]
    [InlineData(5, "DIRQL")]
    [InlineData(12, "DIRQL")]
    [InlineData(15, "HIGH_LEVEL")]
    [InlineData(13, "IRQL 13")]
    public void ToDdiName_spells_levels_as_the_pages_do(byte level, string expected) =>
        Assert.Equal(expected, ((Irql)level).ToDdiName());

    [Theory]
    [InlineData("PASSIVE_LEVEL", Irql.PASSIVE_LEVEL)]
    [InlineData("APC_LEVEL", Irql.APC_LEVEL)]
    [InlineData("DISPATCH_LEVEL", Irql.DISPATCH_LEVEL)]
    [InlineData("DIRQL", Irql.DIRQL)]
    [InlineData("DEVICE_LEVEL", Irql.DIRQL)]
    [InlineData("HIGH_LEVEL", Irql.HIGH_LEVEL)]
    public void TryParse_reads_DDI_spellings_and_DEVICE_LEVEL_as_DIRQL(string name, Irql expected)
    {
        Assert.True(IrqlNames.TryParse(name, out var irql));
        Assert.Equal(expected, irql);
    }

    [Theory]
    [InlineData("dispatch_level")]
    [InlineData("<= DISPATCH_LEVEL")]
    [InlineData("Any level")]
    [InlineData("")]
    public void TryParse_rejects_anything_but_a_bare_level_name(string name) => Assert.False(IrqlNames.TryParse(name, out _));

    [Fact]
    public void Every_known_spelling_parses_and_prints_back()
    {
        foreach (var name in IrqlNames.Known)
        {
            Assert.True(IrqlNames.TryParse(name, out var irql), name);
            Assert.Equal(name, irql.ToDdiName());
        }
    }
}

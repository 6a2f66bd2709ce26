using NetDma.ConformanceKit.Catalog;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Kernel;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Wdm;

namespace NetDma.Contracts.Tests.Catalog;

public sealed class IrqlRequirementTests
{
    [Fact]
    public void Max_requirement_allows_levels_up_to_the_ceiling()
    {
        var requirement = IrqlRequirement.Of(typeof(DmaChannelAllocateHandler));

        Assert.Equal(new IrqlRequirement(null, Irql.DISPATCH_LEVEL, false), requirement);
        Assert.True(requirement.Allows(Irql.PASSIVE_LEVEL));
        Assert.True(requirement.Allows(Irql.DISPATCH_LEVEL));
        Assert.False(requirement.Allows(Irql.DIRQL));
        Assert.Equal("IRQL <= DISPATCH_LEVEL", requirement.Describe());
    }

    [Fact]
    public void Exact_requirement_allows_only_its_level()
    {
        var requirement = IrqlRequirement.Of(typeof(DriverControl));

        Assert.True(requirement.Allows(Irql.DISPATCH_LEVEL));
        Assert.False(requirement.Allows(Irql.APC_LEVEL));
        Assert.False(requirement.Allows(Irql.DIRQL));
        Assert.Equal("IRQL = DISPATCH_LEVEL", requirement.Describe());
    }

    [Fact]
    public void Exact_DIRQL_allows_every_device_level_and_nothing_else()
    {
        var requirement = IrqlRequirement.Of(typeof(INetDma).GetMethod(nameof(INetDma.NetDmaIsr))!);

        Assert.All(Enumerable.Range(3, 10), level => Assert.True(requirement.Allows((Irql)level)));
        Assert.False(requirement.Allows(Irql.DISPATCH_LEVEL));
        Assert.False(requirement.Allows(Irql.HIGH_LEVEL));
        Assert.Equal("IRQL = DIRQL", requirement.Describe());
    }

    [Fact]
    public void No_attribute_means_any_level()
    {
        var requirement = IrqlRequirement.Of(typeof(IWdmKernel).GetMethod(nameof(IWdmKernel.KeInsertQueueDpc))!);

        Assert.Equal(IrqlRequirement.Any, requirement);
        Assert.True(requirement.Allows(Irql.HIGH_LEVEL));
        Assert.Equal("any IRQL", requirement.Describe());
    }

    [Fact]
    public void Min_requirement_and_range_describe_their_bounds()
    {
        var atLeast = new IrqlRequirement(Irql.APC_LEVEL, null, false);
        var range = new IrqlRequirement(Irql.APC_LEVEL, Irql.DISPATCH_LEVEL, false);

        Assert.False(atLeast.Allows(Irql.PASSIVE_LEVEL));
        Assert.True(atLeast.Allows(Irql.HIGH_LEVEL));
        Assert.Equal("IRQL >= APC_LEVEL", atLeast.Describe());
        Assert.False(range.Allows(Irql.DIRQL));
        Assert.Equal("APC_LEVEL <= IRQL <= DISPATCH_LEVEL", range.Describe());
    }
}

using CsCheck;
using NetDma.ConformanceKit.Exploration;

namespace NetDma.ConformanceKit.Tests.Exploration;

/// <summary>Generated platforms stay within their constraints, and unconstrained generation is what it always was.</summary>
public sealed class PlatformConstraintsTests
{
    [Fact]
    public void Constrained_platforms_never_leave_their_constraints()
    {
        var lineBasedV2 = new PlatformConstraints(MsiX: false, LineBased: true, NetDma1x: false, NetDma20: true);

        ExplorationGenerators.PlatformWithin(lineBasedV2).Sample(p => !p.MsiX && p.NetDmaMajor == 2, iter: 500, seed: "0000000001G3");
    }

    [Fact]
    public void Without_constraints_every_platform_kind_is_generated()
    {
        var seen = new HashSet<(bool, uint)>();

        ExplorationGenerators.Platform.Sample(p => { seen.Add((p.MsiX, p.NetDmaMajor)); }, iter: 500, seed: "0000000001G3", threads: 1);

        Assert.Equal(4, seen.Count);
    }

    [Fact]
    public void Constraints_that_allow_no_platform_are_refused()
    {
        var none = new PlatformConstraints(MsiX: false, LineBased: false, NetDma1x: true, NetDma20: true);

        Assert.Throws<ArgumentException>(() => none.Choose(1, msix: true, version2: true));
    }
}

using CsCheck;
using NetDma.ReferenceProvider.NetDma;

namespace NetDma.ConformanceKit.Tests.ReferenceProvider;

public sealed class ChannelSelectionTests
{
    [Theory]
    [InlineData(0b0001u, 4u, 0u)]
    [InlineData(0b1100u, 4u, 2u)]
    [InlineData(0b1100u, 3u, 2u)]
    [InlineData(0x8000_0000u, 32u, 31u)]
    public void LowestUsableCpu_is_the_lowest_active_CPU_number_in_the_mask(uint mask, uint active, uint expected)
    {
        Assert.Equal(expected, ChannelSelection.LowestUsableCpu(mask, active));
    }

    [Theory]
    [InlineData(0u, 4u)]
    [InlineData(0b1_0000u, 4u)]
    [InlineData(0x8000_0000u, 31u)]
    public void LowestUsableCpu_is_null_when_the_mask_names_no_active_CPU(uint mask, uint active)
    {
        Assert.Null(ChannelSelection.LowestUsableCpu(mask, active));
    }

    [Fact]
    public void Rank_line_based_offers_every_channel_with_the_lowest_usable_CPU_and_no_interrupt_match()
    {
        var candidates = ChannelSelection.Rank([null, null, null], processorAffinityMask: 0b0110, activeProcessorCount: 4);

        Assert.Equal(
            [new ChannelCandidate(0, 1, false), new ChannelCandidate(1, 1, false), new ChannelCandidate(2, 1, false)],
            candidates);
    }

    [Fact]
    public void Rank_MSI_X_offers_channels_whose_message_targets_the_mask_first_with_that_CPU()
    {
        // Messages target CPUs 0, 1, 2, 3; the mask allows CPUs 2 and 3.
        var candidates = ChannelSelection.Rank([0u, 1u, 2u, 3u], processorAffinityMask: 0b1100, activeProcessorCount: 4);

        Assert.Equal(
            [
                new ChannelCandidate(2, 2, true),
                new ChannelCandidate(3, 3, true),
                new ChannelCandidate(0, 2, false),
                new ChannelCandidate(1, 2, false),
            ],
            candidates);
    }

    [Fact]
    public void Rank_does_not_match_a_message_whose_CPU_is_not_active()
    {
        var candidates = ChannelSelection.Rank([5u], processorAffinityMask: 0b10_0001, activeProcessorCount: 4);

        Assert.Equal([new ChannelCandidate(0, 0, false)], candidates);
    }

    [Fact]
    public void Rank_is_empty_when_the_mask_names_no_active_CPU()
    {
        Assert.Empty(ChannelSelection.Rank([0u, 1u], processorAffinityMask: 0b1_0000, activeProcessorCount: 4));
        Assert.Empty(ChannelSelection.Rank([null, null], processorAffinityMask: 0, activeProcessorCount: 4));
    }

    [Fact]
    public void Rank_candidates_always_name_an_active_CPU_in_the_mask_and_each_channel_once()
    {
        var interruptCpus = Gen.Select(Gen.Bool, Gen.UInt[0, 40], (messageSignaled, cpu) => messageSignaled ? cpu : (uint?)null).Array[1, 8];
        Gen.Select(interruptCpus, Gen.UInt, Gen.UInt[1, 40], (cpus, mask, active) => (cpus, mask, active))
            .Sample((cpus, mask, active) =>
            {
                var candidates = ChannelSelection.Rank(cpus, mask, active);
                foreach (var candidate in candidates)
                {
                    Assert.True(
                        ChannelSelection.IsUsable(candidate.CpuNumber, mask, active),
                        $"CPU {candidate.CpuNumber} of channel {candidate.Channel} is not usable for mask 0x{mask:X8} with {active} CPUs");
                    if (candidate.InterruptMatchesMask)
                    {
                        Assert.Equal(cpus[candidate.Channel], candidate.CpuNumber);
                    }
                }

                // Matched channels come first: a matched candidate never follows an unmatched one.
                Assert.DoesNotContain(candidates.SkipWhile(c => c.InterruptMatchesMask), c => c.InterruptMatchesMask);

                Assert.Equal(candidates.Count, candidates.Select(c => c.Channel).Distinct().Count());
                var anyUsable = ChannelSelection.LowestUsableCpu(mask, active) is not null;
                Assert.Equal(anyUsable ? cpus.Length : 0, candidates.Count);
            });
    }
}

using CsCheck;
using NetDma.ConformanceKit.Exploration;
using NetDma.ConformanceKit.Scripting;
using NetDma.Contracts.Annotations;

namespace NetDma.ConformanceKit.Tests.Exploration;

/// <summary>
/// The model that turns generated cases into scripts: every script it renders parses, is the same for the same seed,
/// stays within NetDMA's orders and the channel count, and asserts only what it knows (hand-built cases pin the
/// conservative choices). Seeded samples use PCG stream i with a fixed seed value; failures name the seed.
/// </summary>
public sealed class SequenceModelTests
{
    private const ulong SeedValue = 0x5EED_2026;
    private const int Samples = 600;

    private static readonly ExplorationPlatform FourCpus = new(4, true, 2, 0);

    private static GeneratedOperation Op(OperationKind kind, int channel = 0, params int[] lengths) =>
        new(kind, channel, 0b0110, Irql.DISPATCH_LEVEL, 1, [.. lengths.Select((length, i) => new GeneratedDescriptor(length, 100 * i))],
            InterruptMode.Last, true, 1);

    private static Script Render(int channelCount = 4, params GeneratedOperation[] operations) =>
        ScriptParser.Parse(NetDmaSequenceModel.Render(new ExplorationCase(FourCpus, operations), channelCount, "model test"), "model.ndma");

    private static List<string> Lines(Script script) => [.. script.Commands.Select(ScriptFormatter.Format)];

    private static IEnumerable<(string Seed, Script Script)> Seeded(ExplorationOptions options, ProviderCapabilities capabilities, int samples = Samples)
    {
        for (uint stream = 0; stream < samples; stream++)
        {
            var seed = new PCG(stream, SeedValue).ToString();
            Script script;
            try
            {
                script = ScriptParser.Parse(Explorer.ScriptFor(seed, options, capabilities), "generated.ndma");
            }
            catch (ScriptParseException error)
            {
                throw new Xunit.Sdk.XunitException($"seed {seed}: the generated script does not parse: {error.Message}");
            }

            yield return (seed, script);
        }
    }

    [Theory]
    [InlineData(4, 24, Samples)]
    [InlineData(1, 40, Samples)]
    [InlineData(2, 120, 100)]
    public void Every_generated_script_parses_and_is_the_same_for_the_same_seed(int channels, int maxOperations, int samples)
    {
        var options = new ExplorationOptions { ChannelCount = channels, MaxOperations = maxOperations };
        foreach (var capabilities in new[] { ProviderCapabilities.All, ProviderCapabilities.None, new ProviderCapabilities(true, false, true) })
        {
            foreach (var (seed, script) in Seeded(options, capabilities, samples))
            {
                var again = Explorer.ScriptFor(seed, options, capabilities);
                Assert.True(again == ScriptFormatter.Format(script), $"seed {seed}: two renderings differ");
                Assert.Equal($"netdma-kit explore --seed {seed}", script.Title);
            }
        }
    }

    [Fact]
    public void Generated_scripts_keep_NetDMA_orders_channel_count_masks_and_CPUs()
    {
        var options = new ExplorationOptions { ChannelCount = 3, MaxOperations = 60 };
        foreach (var (seed, script) in Seeded(options, ProviderCapabilities.All))
        {
            var platform = script.Platform!;
            var active = (1u << platform.Processors) - 1;
            var live = new HashSet<string>(StringComparer.Ordinal);
            var chainsUsed = new HashSet<string>(StringComparer.Ordinal);
            var destinationsAsserted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var command in script.Commands)
            {
                switch (command)
                {
                    case AllocateCommand a:
                        Assert.True(live.Add(a.Channel), $"seed {seed}: {a.Channel} allocated twice");
                        Assert.True(live.Count <= options.ChannelCount, $"seed {seed}: {live.Count} live channels");
                        Assert.True(a.AffinityMask != 0 && (a.AffinityMask & ~active) == 0, $"seed {seed}: mask 0x{a.AffinityMask:X} on {platform.Processors} CPUs");
                        Assert.True(a.Site.Cpu < platform.Processors, $"seed {seed}: cpu {a.Site.Cpu}");
                        break;
                    case FreeCommand f:
                        Assert.True(live.Remove(f.Channel), $"seed {seed}: free of {f.Channel}, which is not live");
                        break;
                    case StopDeviceCommand:
                    case SurpriseRemoveCommand:
                        live.Clear();
                        break;
                    case StartDmaCommand s:
                        Assert.True(chainsUsed.Add(s.Chain), $"seed {seed}: chain {s.Chain} submitted twice");
                        Assert.True(s.Site.Irql <= Irql.DISPATCH_LEVEL && s.Site.Cpu < platform.Processors, $"seed {seed}: {ScriptFormatter.Format(s)}");
                        break;
                    case AppendDmaCommand a:
                        Assert.True(chainsUsed.Add(a.Chain), $"seed {seed}: chain {a.Chain} submitted twice");
                        break;
                    case ChainCommand c:
                        Assert.InRange(c.Descriptors.Count, 1, ExplorationGenerators.MaxChainLength);
                        Assert.All(c.Descriptors, d => Assert.InRange(d.Length, 1u, (uint)NetDmaSequenceModel.MaxTransferSize));
                        break;
                    case AssertCopiedCommand copied:
                        Assert.True(destinationsAsserted.Add(copied.Destination.Buffer), $"seed {seed}: {copied.Destination.Buffer} asserted twice");
                        break;
                    case AssertBytesCommand untouched:
                        Assert.True(destinationsAsserted.Add(untouched.At.Buffer), $"seed {seed}: {untouched.At.Buffer} asserted twice");
                        Assert.Equal(NetDmaSequenceModel.DestinationFill, untouched.Value);
                        break;
                }
            }

            Assert.Empty(live);
            Assert.IsType<AssertNoViolationCommand>(script.Commands[^1]);
            Assert.Contains(script.Commands, c => c is RemoveDeviceCommand);
        }
    }

    [Fact]
    public void Descriptors_aborted_before_any_hardware_step_are_asserted_untouched_at_the_end()
    {
        var lines = Lines(Render(4, Op(OperationKind.Start, 0, 64, 128, 256), Op(OperationKind.Abort)));

        Assert.DoesNotContain(lines, l => l.StartsWith("assert_copied", StringComparison.Ordinal));
        var untouched = lines.Where(l => l.StartsWith("assert_bytes", StringComparison.Ordinal)).ToList();
        Assert.Equal(["assert_bytes d0+0 64 0xA5", "assert_bytes d1+0 128 0xA5", "assert_bytes d2+0 256 0xA5"], untouched);
        Assert.True(lines.IndexOf("remove_device") < lines.IndexOf(untouched[0]));
    }

    [Fact]
    public void Descriptors_reset_after_a_partial_run_are_asserted_neither_copied_nor_untouched()
    {
        var lines = Lines(Render(4, Op(OperationKind.Start, 0, 64, 128), Op(OperationKind.RunSteps), Op(OperationKind.Reset)));

        Assert.Contains("run steps=1", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("assert_copied", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("assert_bytes", StringComparison.Ordinal));
    }

    [Fact]
    public void A_suspended_channel_is_not_asserted_until_NetDMA_resumes_it_before_the_free()
    {
        var lines = Lines(Render(4, Op(OperationKind.Start, 0, 64), Op(OperationKind.Suspend), Op(OperationKind.Run), Op(OperationKind.Free)));

        var firstRun = lines.IndexOf("run");
        var resume = lines.FindIndex(l => l.StartsWith("resume ch0", StringComparison.Ordinal));
        var copied = lines.FindIndex(l => l.StartsWith("assert_copied", StringComparison.Ordinal));
        Assert.True(firstRun >= 0 && resume > firstRun && copied > resume, string.Join('\n', lines));
        Assert.Equal("run", lines[copied - 1]);
        Assert.True(lines.FindIndex(l => l.StartsWith("free ch0", StringComparison.Ordinal)) > copied);

        // The descriptor may have been finished by the suspend: its completion word is not asserted.
        Assert.DoesNotContain(lines, l => l.StartsWith("assert_completion", StringComparison.Ordinal));
    }

    [Fact]
    public void A_run_until_idle_asserts_copies_completion_and_DPC_CPU()
    {
        var lines = Lines(Render(4, Op(OperationKind.Start, 0, 64, 32), Op(OperationKind.Run)));

        var run = lines.IndexOf("run");
        Assert.Equal(
            ["assert_copied src+0 d0+0 64", "assert_copied src+100 d1+0 32", "assert_completion ch0 Idle", "assert_dpc_cpu ch0"],
            lines.Skip(run + 1).Take(4));
    }

    [Fact]
    public void Appending_without_a_started_channel_allocates_and_starts_one()
    {
        var lines = Lines(Render(4, Op(OperationKind.Append, 3, 16)));

        Assert.Contains(lines, l => l.StartsWith("allocate ch0 mask=0x6", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("start ch0 c0", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("append", StringComparison.Ordinal));
        Assert.Contains("assert_cpu_in_mask ch0", lines);
    }

    [Fact]
    public void Allocations_beyond_the_channel_count_are_dropped()
    {
        var script = Render(2, Op(OperationKind.Allocate), Op(OperationKind.Allocate), Op(OperationKind.Allocate), Op(OperationKind.Allocate));

        Assert.Equal(2, script.Commands.OfType<AllocateCommand>().Count());
        Assert.Equal(2, script.Commands.OfType<FreeCommand>().Count());
    }

    [Fact]
    public void A_new_start_drops_the_outstanding_descriptors_without_asserting_them()
    {
        var lines = Lines(Render(4, Op(OperationKind.Start, 0, 64), Op(OperationKind.Start, 0, 32), Op(OperationKind.Run)));

        Assert.DoesNotContain(lines, l => l.Contains(" d0+0", StringComparison.Ordinal) && l.StartsWith("assert", StringComparison.Ordinal));
        Assert.Contains("assert_copied src+0 d1+0 32", lines);
    }

    [Fact]
    public void A_restart_stops_with_the_channels_busy_asserts_what_NetDMA_waited_for_and_forgets_every_channel()
    {
        var script = Render(4, Op(OperationKind.Start, 0, 64), Op(OperationKind.Suspend), Op(OperationKind.RestartDevice), Op(OperationKind.Start, 0, 32));
        var lines = Lines(script);

        // No run or resume of the model's own before the stop: NetDmaProviderStop waits (and resumes the suspended channel).
        var stop = lines.IndexOf("stop_device");
        var suspend = lines.FindIndex(l => l.StartsWith("suspend ch0", StringComparison.Ordinal));
        Assert.True(suspend >= 0 && suspend < stop, string.Join('\n', lines));
        Assert.DoesNotContain(lines.Skip(suspend + 1).Take(stop - suspend - 1), l => l == "run" || l.StartsWith("resume", StringComparison.Ordinal));
        Assert.Equal("assert_copied src+0 d0+0 64", lines[stop + 1]);
        Assert.Equal("start_device", lines[stop + 2]);
        Assert.Equal(2, script.Commands.OfType<AllocateCommand>().Count());
    }

    [Fact]
    public void A_surprise_removal_drops_every_later_step_asserts_nothing_outstanding_and_ends_with_remove_device_alone()
    {
        var lines = Lines(Render(4, Op(OperationKind.Start, 0, 64), Op(OperationKind.SurpriseRemoval), Op(OperationKind.Run), Op(OperationKind.Start, 0, 32)));

        var removal = lines.IndexOf("surprise_remove");
        Assert.True(removal > lines.IndexOf("start_device"), string.Join('\n', lines));
        Assert.Equal(["remove_device", "assert_no_violation"], lines[(removal + 1)..]);
        Assert.DoesNotContain(lines, l => l.StartsWith("assert_copied", StringComparison.Ordinal) || l == "stop_device" || l.StartsWith("free ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_completion_status_is_asserted_only_when_the_last_descriptor_updates_it()
    {
        var quiet = Op(OperationKind.Start, 0, 64) with { StatusUpdate = false, Interrupt = InterruptMode.None };
        var lines = Lines(Render(4, quiet, Op(OperationKind.Run)));

        Assert.Contains("assert_copied src+0 d0+0 64", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("assert_completion", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("assert_dpc_cpu", StringComparison.Ordinal));
    }

    [Fact]
    public void Calls_are_generated_at_the_IRQLs_every_channel_handler_contract_allows()
    {
        Assert.Equal([Irql.PASSIVE_LEVEL, Irql.APC_LEVEL, Irql.DISPATCH_LEVEL], ExplorationGenerators.CallIrqls);
    }

    [Fact]
    public void Render_refuses_a_channel_count_or_platform_out_of_range()
    {
        var empty = new ExplorationCase(FourCpus, []);
        Assert.Throws<ArgumentOutOfRangeException>(() => NetDmaSequenceModel.Render(empty, 0, "t"));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetDmaSequenceModel.Render(empty, 33, "t"));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetDmaSequenceModel.Render(empty with { Platform = new(9, true, 2, 0) }, 4, "t"));
    }
}

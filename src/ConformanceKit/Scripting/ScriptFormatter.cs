using NetDma.Contracts.NetDma;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// Writes commands back in the script language, in canonical form (every option spelled out, numbers in decimal
/// except masks and bytes in hexadecimal). <see cref="ScriptParser"/> reads the output back to equal commands, which
/// makes it the form reports quote a command in.
/// </summary>
public static class ScriptFormatter
{
    /// <summary>The canonical text of one command, e.g. <c>allocate ch0 mask=0x6 priority=0 irql=DISPATCH_LEVEL cpu=1</c>.</summary>
    /// <param name="command">Any command the parser produces.</param>
    /// <exception cref="ArgumentException">An unknown command type.</exception>
    public static string Format(ScriptCommand command) => command switch
    {
        FaultCommand c => $"{ScriptKeywords.Fault} {c.Spec}",
        TitleCommand c => $"{ScriptKeywords.Title} \"{c.Text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"",
        PlatformCommand c => $"{ScriptKeywords.Platform} processors={c.Processors} msix={OnOff(c.MsiX)} netdma={c.NetDmaMajor}.{c.NetDmaMinor}"
            + (c.PciVendorId == PlatformCommand.DefaultPciVendorId ? "" : $" vendor=0x{c.PciVendorId:X4}")
            + (c.AllocateInProviderStart ? " allocate_in_start=on" : "")
            + (c.DmaAlignment != 1 ? $" dma_alignment={c.DmaAlignment}" : ""),
        DriverCommand c => $"{ScriptKeywords.Driver} {c.Kind}",
        AddDeviceCommand => ScriptKeywords.AddDevice,
        StartDeviceCommand => ScriptKeywords.StartDevice,
        StopDeviceCommand => ScriptKeywords.StopDevice,
        RemoveDeviceCommand => ScriptKeywords.RemoveDevice,
        SurpriseRemoveCommand => ScriptKeywords.SurpriseRemove,
        SetPowerCommand c => $"{ScriptKeywords.SetPower} {c.StateName}",
        ConcurrentlyCommand c => string.Concat(c.Lanes.Select(l => $"\n  {Format(l)}").Prepend(ScriptKeywords.Concurrently)) + $"\n{ScriptKeywords.End}",
        BufferCommand c => $"{ScriptKeywords.Buffer} {c.Name} {c.Size} fill={c.Fill}{(c.Alignment == BufferCommand.DefaultAlignment ? "" : $" align={c.Alignment}")}",
        ChainCommand c => $"{ScriptKeywords.Chain} {c.Name} {string.Join(' ', c.Descriptors)} interrupt={c.Interrupt.ToString().ToLowerInvariant()} status={OnOff(c.StatusUpdate)}{(c.Serialize ? " serialize=on" : "")}",
        AllocateCommand c => $"{ScriptKeywords.Allocate} {c.Channel} mask=0x{c.AffinityMask:X} priority={c.Priority} {c.Site}",
        FreeCommand c => $"{ScriptKeywords.Free} {c.Channel} {c.Site}",
        StartDmaCommand c => $"{ScriptKeywords.Start} {c.Channel} {c.Chain} {c.Site}",
        AppendDmaCommand c => $"{ScriptKeywords.Append} {c.Channel} {c.Chain} {c.Site}",
        RelinkCommand c => $"{ScriptKeywords.Relink} {c.Channel} {c.Chain}",
        SuspendDmaCommand c => $"{ScriptKeywords.Suspend} {c.Channel} {c.Site}",
        ResumeDmaCommand c => $"{ScriptKeywords.Resume} {c.Channel} {c.Site}",
        AbortDmaCommand c => $"{ScriptKeywords.Abort} {c.Channel} {c.Site}",
        ResetChannelCommand c => $"{ScriptKeywords.Reset} {c.Channel} {c.Site}",
        RunCommand c => c.Steps is { } steps ? $"{ScriptKeywords.Run} steps={steps}" : ScriptKeywords.Run,
        TransferCommand c => $"{ScriptKeywords.Transfer} {c.Buffer} {c.Length} {(c.WriteToDevice ? "to_device" : "from_device")}",
        AssertStatusCommand c => $"{ScriptKeywords.AssertStatus} {NtStatusFacts.Name(c.Expected)}",
        AssertCpuInMaskCommand c => $"{ScriptKeywords.AssertCpuInMask} {c.Channel}",
        AssertCpuCommand c => $"{ScriptKeywords.AssertCpu} {c.Channel} {c.Cpu}",
        AssertDpcCpuCommand c => $"{ScriptKeywords.AssertDpcCpu} {c.Channel}",
        AssertCopiedCommand c => $"{ScriptKeywords.AssertCopied} {c.Source} {c.Destination} {c.Length}",
        AssertBytesCommand c => $"{ScriptKeywords.AssertBytes} {c.At} {c.Length} 0x{c.Value:X2}",
        AssertCompletionCommand c => $"{ScriptKeywords.AssertCompletion} {c.Channel} {TransferStatusName(c.Status)}",
        AssertInterruptsCommand c => $"{ScriptKeywords.AssertInterrupts} {c.Channel} {c.Count}",
        AssertViolationCommand c => $"{ScriptKeywords.AssertViolation} {string.Join(' ', c.Rules.Select(r => r.Id))}",
        AssertNoViolationCommand => ScriptKeywords.AssertNoViolation,
        AssertIrpCommand c => $"{ScriptKeywords.AssertIrp} {c.Index} {NtStatusFacts.Name(c.Status)}",
        _ => throw new ArgumentException($"{command.GetType().Name} is not a command of the script language.", nameof(command)),
    };

    /// <summary>The canonical text of a whole script: one command per line, each line ending with <c>\n</c>.</summary>
    /// <param name="script">A parsed script.</param>
    public static string Format(Script script) =>
        string.Concat(script.Commands.Select(c => Format(c) + "\n"));

    private static string OnOff(bool on) => on ? "on" : "off";

    private static string TransferStatusName(NetDmaTransferStatus status) =>
        Enum.IsDefined(status)
            ? status.ToString()[nameof(NetDmaTransferStatus).Length..]
            : throw new ArgumentException($"{(ulong)status} is not a NET_DMA_TRANSFER_STATUS value.", nameof(status));
}

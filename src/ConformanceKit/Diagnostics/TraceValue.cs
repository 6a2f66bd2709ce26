using System.Globalization;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Diagnostics;

/// <summary>
/// One value a <see cref="TraceEntry"/> quotes, kept as the value itself (a number, an IRQL, an address, a status, a
/// reference) so that recording a call allocates nothing; <see cref="ToString"/> gives the text the trace has always
/// shown (<c>DISPATCH_LEVEL</c>, <c>0x0000000100021980</c>, <c>STATUS_SUCCESS (0x00000000)</c>, <c>cpu0 DIRQL</c>),
/// and is called only when a report, a violation or an observer that needs text quotes the entry.
/// </summary>
public readonly struct TraceValue
{
    private readonly object? _reference;
    private readonly ulong _number;
    private readonly TraceValueKind _kind;

    private TraceValue(TraceValueKind kind, ulong number, object? reference)
    {
        _kind = kind;
        _number = number;
        _reference = reference;
    }

    /// <summary>Where driver code runs: <c>cpu{n} {IRQL}</c> (<c>cpu0 DISPATCH_LEVEL</c>).</summary>
    /// <param name="cpu">The processor number.</param>
    /// <param name="irql">The processor's IRQL at that moment.</param>
    public static TraceValue Processor(uint cpu, Irql irql) => new(TraceValueKind.Processor, ((ulong)cpu << 8) | (byte)irql, null);

    /// <summary>A call made in hardware context (a simulated engine step): <c>hardware</c>.</summary>
    public static TraceValue Hardware { get; } = new(TraceValueKind.Hardware, 0, null);

    /// <summary>A literal text (already formatted, or a name such as a routine's).</summary>
    public static TraceValue Text(string text) => new(TraceValueKind.Text, 0, text);

    /// <summary>
    /// An object quoted by its <see cref="object.ToString"/> when the entry is formatted: only for objects whose text
    /// never changes after they are created (a DPC's number and routine, a device object's name), since the text is
    /// produced later than the call.
    /// </summary>
    public static TraceValue Describe(object value) => new(TraceValueKind.Object, 0, value);

    /// <summary>A number in decimal (<c>1</c>).</summary>
    public static TraceValue Decimal(ulong value) => new(TraceValueKind.Decimal, value, null);

    /// <summary><c>TRUE</c> or <c>FALSE</c>, as the DDI's BOOLEAN.</summary>
    public static TraceValue Boolean(bool value) => new(TraceValueKind.Boolean, value ? 1UL : 0UL, null);

    /// <summary>A string converts to its literal text.</summary>
    public static implicit operator TraceValue(string text) => Text(text);

    /// <summary>An IRQL converts to its DDI spelling (<c>DISPATCH_LEVEL</c>).</summary>
    public static implicit operator TraceValue(Irql irql) => new(TraceValueKind.Irql, (byte)irql, null);

    /// <summary>A status converts to its report form (<c>STATUS_SUCCESS (0x00000000)</c>).</summary>
    public static implicit operator TraceValue(NtStatus status) => new(TraceValueKind.Status, (uint)status, null);

    /// <summary>A physical address converts to <c>0x</c> and 16 hex digits, as <see cref="PhysicalAddress.ToString"/>.</summary>
    public static implicit operator TraceValue(PhysicalAddress address) => new(TraceValueKind.Hex64, address.QuadPart, null);

    /// <summary>A virtual address converts to <c>0x</c> and 16 hex digits, as <see cref="VirtualAddress.ToString"/>.</summary>
    public static implicit operator TraceValue(VirtualAddress address) => new(TraceValueKind.Hex64, address.Value, null);

    /// <summary>A channel handle converts to <c>channel#{n}</c>, as <see cref="NetDmaChannelHandle.ToString"/>.</summary>
    public static implicit operator TraceValue(NetDmaChannelHandle handle) => new(TraceValueKind.ChannelHandle, handle.Value, null);

    /// <summary>An unsigned number converts to its decimal text.</summary>
    public static implicit operator TraceValue(uint value) => Decimal(value);

    /// <summary>The processor of a <see cref="Processor"/> value; false for every other value.</summary>
    internal bool TryGetProcessor(out uint cpu)
    {
        cpu = (uint)(_number >> 8);
        return _kind == TraceValueKind.Processor;
    }

    /// <summary>True for <see cref="Hardware"/>.</summary>
    internal bool IsHardware => _kind == TraceValueKind.Hardware;

    /// <summary>The text of a <see cref="Text"/> value, or null for every other value.</summary>
    internal string? LiteralText => _kind == TraceValueKind.Text ? (string?)_reference : null;

    /// <summary>The value's trace text.</summary>
    public override string ToString() => _kind switch
    {
        TraceValueKind.None => string.Empty,
        TraceValueKind.Processor => $"cpu{(uint)(_number >> 8)} {((Irql)(byte)_number).ToDdiName()}",
        TraceValueKind.Hardware => "hardware",
        TraceValueKind.Text => (string)_reference!,
        TraceValueKind.Object => _reference!.ToString() ?? string.Empty,
        TraceValueKind.Decimal => _number.ToString(CultureInfo.InvariantCulture),
        TraceValueKind.Boolean => _number != 0 ? "TRUE" : "FALSE",
        TraceValueKind.Irql => ((Irql)(byte)_number).ToDdiName(),
        TraceValueKind.Status => NtStatusFacts.Describe((NtStatus)(uint)_number),
        TraceValueKind.Hex64 => new PhysicalAddress(_number).ToString(),
        TraceValueKind.ChannelHandle => new NetDmaChannelHandle(_number).ToString(),
        _ => throw new InvalidOperationException($"unknown trace value kind {_kind}"),
    };

    private enum TraceValueKind : byte
    {
        None,
        Processor,
        Hardware,
        Text,
        Object,
        Decimal,
        Boolean,
        Irql,
        Status,
        Hex64,
        ChannelHandle,
    }
}

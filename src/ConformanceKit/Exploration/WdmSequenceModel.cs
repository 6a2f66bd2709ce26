using NetDma.ConformanceKit.Scripting;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Exploration;

/// <summary>
/// The model of the I/O and PnP managers' side of a WDM DMA driver: turns a generated <see cref="WdmExplorationCase"/>
/// into a script of requests the system makes, in orders it makes them, and asserts only what must hold.
/// </summary>
/// <remarks>
/// <para>
/// Orders: add_device, start_device, then the steps, then removal. Each transfer gets a buffer of its own whose start
/// and length are multiples of the platform's DMA alignment, as a caller honouring the device object's
/// AlignmentRequirement provides (nc-wdm-pget_dma_alignment.md); the driver's own pieces are then judged by NDMA4024.
/// IRP_MN_STOP_DEVICE and IRP_MN_REMOVE_DEVICE come only after every transfer completed (the hardware runs until idle
/// first), the order the reference driver's removal assumes.
/// </para>
/// <para>
/// Assertions: start_device succeeds; after a <c>run</c> until idle every transfer queued so far was completed with
/// STATUS_SUCCESS (<c>assert_irp</c>); the script ends with <c>assert_no_violation</c>, so every run-time check of the
/// kit (IRQL, adapter channel and map registers, flushes, logical addresses, alignment, PutDmaAdapter ...) judges the
/// whole sequence. The bytes moved are not asserted: the device's store depends on the earlier transfers.
/// </para>
/// </remarks>
public sealed class WdmSequenceModel
{
    /// <summary>Largest raw transfer length the generator draws, in bytes (several map-register pieces for the reference driver).</summary>
    public const int MaxTransferBytes = 200_000;

    /// <summary>Largest raw offset of a transfer in its buffer, in bytes.</summary>
    public const int MaxOffset = 8191;

    /// <summary>The DMA alignments a generated platform may have, in bytes (GetDmaAlignment's value).</summary>
    public static IReadOnlyList<uint> Alignments { get; } = [1, 8, 64, 512];

    private readonly List<ScriptCommand> _commands = [];
    private readonly WdmExplorationCase _case;
    private readonly List<int> _outstanding = [];
    private int _transfers;

    private WdmSequenceModel(WdmExplorationCase @case) => _case = @case;

    /// <summary>The script for <paramref name="case"/>, one canonical command per line (<see cref="ScriptFormatter"/>), each line ending with <c>\n</c>.</summary>
    /// <param name="case">The generated case.</param>
    /// <param name="title">The script's title (non-empty, one line).</param>
    /// <exception cref="ArgumentOutOfRangeException">A platform outside 1..8 processors, or an alignment not in <see cref="Alignments"/>.</exception>
    public static string Render(WdmExplorationCase @case, string title)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentOutOfRangeException.ThrowIfLessThan(@case.Processors, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(@case.Processors, ExplorationGenerators.MaxProcessors);
        if (!Alignments.Contains(@case.DmaAlignment))
        {
            throw new ArgumentOutOfRangeException(nameof(@case), @case.DmaAlignment, "The DMA alignment is not one the model generates.");
        }

        var model = new WdmSequenceModel(@case);
        model.Setup(title);
        foreach (var step in @case.Steps)
        {
            model.Apply(step);
        }

        model.Teardown();
        return string.Concat(model._commands.Select(c => ScriptFormatter.Format(c) + "\n"));
    }

    private void Emit(ScriptCommand command) => _commands.Add(command);

    private void StartDevice()
    {
        Emit(new StartDeviceCommand(default));
        Emit(new AssertStatusCommand(default, NtStatus.STATUS_SUCCESS));
    }

    private void Setup(string title)
    {
        Emit(new TitleCommand(default, title));
        Emit(new PlatformCommand(default, _case.Processors, MsiX: false, PlatformCommand.DefaultNetDmaMajor, PlatformCommand.DefaultNetDmaMinor)
        {
            DmaAlignment = _case.DmaAlignment,
        });
        Emit(new DriverCommand(default, DriverCommand.Wdm));
        Emit(new AddDeviceCommand(default));
        StartDevice();
    }

    private void Apply(WdmGeneratedStep step)
    {
        switch (step.Kind)
        {
            case WdmStepKind.Transfer:
                Transfer(step);
                break;
            case WdmStepKind.Run:
                RunUntilIdle();
                break;
            case WdmStepKind.RunSteps:
                Emit(new RunCommand(default, Math.Clamp(step.Steps, 1, ExplorationGenerators.MaxRunSteps)));
                break;
            default:
                RunUntilIdle();
                Emit(new StopDeviceCommand(default));
                StartDevice();
                break;
        }
    }

    private void Transfer(WdmGeneratedStep step)
    {
        var alignment = (ulong)_case.DmaAlignment;
        var offset = (ulong)Math.Clamp(step.Offset, 0, MaxOffset) / alignment * alignment;
        var length = ((ulong)Math.Clamp(step.Bytes, 1, MaxTransferBytes) + alignment - 1) / alignment * alignment;
        var name = $"io{_transfers}";
        Emit(new BufferCommand(default, name, offset + length, BufferFill.Pattern));
        Emit(new TransferCommand(default, new BufferRef(name, offset), (uint)length, step.ToDevice));
        _outstanding.Add(_transfers++);
    }

    private void RunUntilIdle()
    {
        Emit(new RunCommand(default, null));
        foreach (var index in _outstanding)
        {
            Emit(new AssertIrpCommand(default, index, NtStatus.STATUS_SUCCESS));
        }

        _outstanding.Clear();
    }

    private void Teardown()
    {
        RunUntilIdle();
        Emit(new RemoveDeviceCommand(default));
        Emit(new AssertNoViolationCommand(default));
    }
}

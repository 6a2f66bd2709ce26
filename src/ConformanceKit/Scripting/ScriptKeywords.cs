namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// The command keywords of the script language (all lowercase), grouped as docs/script-language.md groups them.
/// </summary>
public static class ScriptKeywords
{
    /// <summary><see cref="TitleCommand"/>.</summary>
    public const string Title = "title";

    /// <summary><see cref="PlatformCommand"/>.</summary>
    public const string Platform = "platform";

    /// <summary><see cref="DriverCommand"/>.</summary>
    public const string Driver = "driver";

    /// <summary><see cref="AddDeviceCommand"/>.</summary>
    public const string AddDevice = "add_device";

    /// <summary><see cref="StartDeviceCommand"/>.</summary>
    public const string StartDevice = "start_device";

    /// <summary><see cref="StopDeviceCommand"/>.</summary>
    public const string StopDevice = "stop_device";

    /// <summary><see cref="RemoveDeviceCommand"/>.</summary>
    public const string RemoveDevice = "remove_device";

    /// <summary><see cref="SurpriseRemoveCommand"/>.</summary>
    public const string SurpriseRemove = "surprise_remove";

    /// <summary><see cref="SetPowerCommand"/>.</summary>
    public const string SetPower = "set_power";

    /// <summary><see cref="BufferCommand"/>.</summary>
    public const string Buffer = "buffer";

    /// <summary><see cref="ChainCommand"/>.</summary>
    public const string Chain = "chain";

    /// <summary><see cref="AllocateCommand"/>.</summary>
    public const string Allocate = "allocate";

    /// <summary><see cref="FreeCommand"/>.</summary>
    public const string Free = "free";

    /// <summary><see cref="StartDmaCommand"/>.</summary>
    public const string Start = "start";

    /// <summary><see cref="AppendDmaCommand"/>.</summary>
    public const string Append = "append";

    /// <summary><see cref="SuspendDmaCommand"/>.</summary>
    public const string Suspend = "suspend";

    /// <summary><see cref="ResumeDmaCommand"/>.</summary>
    public const string Resume = "resume";

    /// <summary><see cref="AbortDmaCommand"/>.</summary>
    public const string Abort = "abort";

    /// <summary><see cref="ResetChannelCommand"/>.</summary>
    public const string Reset = "reset";

    /// <summary><see cref="RelinkCommand"/>.</summary>
    public const string Relink = "relink";

    /// <summary><see cref="RunCommand"/>.</summary>
    public const string Run = "run";

    /// <summary>Opens a <see cref="ConcurrentlyCommand"/> block.</summary>
    public const string Concurrently = "concurrently";

    /// <summary>Closes a <see cref="ConcurrentlyCommand"/> block.</summary>
    public const string End = "end";

    /// <summary>Commands a <c>concurrently</c> block may hold: NetDMA's calls on a started channel, and the hardware's <c>run</c>.</summary>
    public static IReadOnlyList<string> Concurrent { get; } = [Free, Start, Append, Suspend, Resume, Abort, Reset, Run];

    /// <summary><see cref="FaultCommand"/>.</summary>
    public const string Fault = "fault";

    /// <summary><see cref="TransferCommand"/>.</summary>
    public const string Transfer = "transfer";

    /// <summary><see cref="AssertStatusCommand"/>.</summary>
    public const string AssertStatus = "assert_status";

    /// <summary><see cref="AssertCpuInMaskCommand"/>.</summary>
    public const string AssertCpuInMask = "assert_cpu_in_mask";

    /// <summary><see cref="AssertCpuCommand"/>.</summary>
    public const string AssertCpu = "assert_cpu";

    /// <summary><see cref="AssertDpcCpuCommand"/>.</summary>
    public const string AssertDpcCpu = "assert_dpc_cpu";

    /// <summary><see cref="AssertCopiedCommand"/>.</summary>
    public const string AssertCopied = "assert_copied";

    /// <summary><see cref="AssertBytesCommand"/>.</summary>
    public const string AssertBytes = "assert_bytes";

    /// <summary><see cref="AssertCompletionCommand"/>.</summary>
    public const string AssertCompletion = "assert_completion";

    /// <summary><see cref="AssertInterruptsCommand"/>.</summary>
    public const string AssertInterrupts = "assert_interrupts";

    /// <summary><see cref="AssertViolationCommand"/>.</summary>
    public const string AssertViolation = "assert_violation";

    /// <summary><see cref="AssertNoViolationCommand"/>.</summary>
    public const string AssertNoViolation = "assert_no_violation";

    /// <summary><see cref="AssertIrpCommand"/>.</summary>
    public const string AssertIrp = "assert_irp";

    /// <summary>The header commands: only before every other command, each at most once.</summary>
    public static IReadOnlyList<string> Header { get; } = [Title, Platform, Driver];

    /// <summary>The PnP commands: the PnP manager calls the driver's entry point at PASSIVE_LEVEL.</summary>
    public static IReadOnlyList<string> PnP { get; } = [AddDevice, StartDevice, StopDevice, RemoveDevice];

    /// <summary>The NetDMA channel operations: NetDMA calls a provider handler (nc-netdma-dma_*_handler.md).</summary>
    public static IReadOnlyList<string> ChannelOperations { get; } = [Allocate, Free, Start, Append, Suspend, Resume, Abort, Reset];

    /// <summary>Commands only a <c>driver netdma</c> script may use (NetDMA channels and descriptor chains).</summary>
    public static IReadOnlyList<string> NetDmaOnly { get; } =
        [Chain, .. ChannelOperations, Relink, Concurrently, End, AssertCpuInMask, AssertCpu, AssertDpcCpu, AssertCompletion, AssertInterrupts];

    /// <summary>Commands only a <c>driver wdm</c> script may use (transfer IRPs).</summary>
    public static IReadOnlyList<string> WdmOnly { get; } = [Transfer, AssertIrp];

    /// <summary>Every keyword, in the order of docs/script-language.md.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Title, Platform, Driver, .. PnP, SurpriseRemove, SetPower, Buffer, Chain, .. ChannelOperations, Relink, Run, Concurrently, End, Fault, Transfer,
        AssertStatus, AssertCpuInMask, AssertCpu, AssertDpcCpu, AssertCopied, AssertBytes, AssertCompletion,
        AssertInterrupts, AssertViolation, AssertNoViolation, AssertIrp,
    ];
}

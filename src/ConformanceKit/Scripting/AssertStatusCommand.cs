using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>assert_status STATUS_SUCCESS</c>: the previous provider call or PnP entry point returned <see
/// cref="Expected"/>. The previous call must be one that returns an NTSTATUS.
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="Expected">The expected status (a name, a page spelling such as STATUS_RESOURCES, or a 0x value).</param>
public sealed record AssertStatusCommand(SourceLocation Location, NtStatus Expected)
    : ScriptCommand(Location);

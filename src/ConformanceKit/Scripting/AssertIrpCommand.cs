using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>assert_irp 0 STATUS_SUCCESS</c>: the <see cref="Index"/>-th transfer IRP (0-based, in order of the
/// <c>transfer</c> commands) was completed with <see cref="Status"/>. Only with <c>driver wdm</c>.
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="Index">0-based index among the script's earlier <c>transfer</c> commands.</param>
/// <param name="Status">The expected IoStatus.Status.</param>
public sealed record AssertIrpCommand(SourceLocation Location, int Index, NtStatus Status)
    : ScriptCommand(Location);

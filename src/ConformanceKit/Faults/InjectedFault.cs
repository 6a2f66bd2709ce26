using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Faults;

/// <summary>One fault the kit injected: what, at which call, where in the call sequence.</summary>
/// <param name="Kind">The fault's kind.</param>
/// <param name="Point">The call it was injected into, as the trace shows it, e.g. <c>ExAllocatePool2(NonPagedPoolNx, 64 bytes, tag 'Ndma')</c>.</param>
/// <param name="Effect">What the call did instead, e.g. <c>returned NULL (call 3 counted by pool:every=3)</c>.</param>
/// <param name="Location">The script command during which it was injected, or null outside any command.</param>
/// <param name="CallIndex">The position of the injected call in the script's call sequence (0-based count of trace entries before it).</param>
public sealed record InjectedFault(FaultKind Kind, string Point, string Effect, SourceLocation? Location, long CallIndex)
{
    /// <summary>Report form: <c>pool at call 12 (script.ndma:9:1): ExAllocatePool2(...) returned NULL (...)</c>.</summary>
    public override string ToString() =>
        $"{FaultClause.NameOf(Kind)} at call {CallIndex}{(Location is { } at ? $" ({at})" : "")}: {Point} {Effect}";
}

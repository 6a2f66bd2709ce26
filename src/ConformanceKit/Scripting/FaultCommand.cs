using NetDma.ConformanceKit.Faults;

namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>fault &lt;spec&gt;</c>: from this line on, inject the faults of <paramref name="Spec"/> (docs/faults.md), replacing
/// whatever was in effect (the run's <c>--faults</c> or an earlier <c>fault</c>); <c>fault none</c> closes the fault
/// window. Unlike the run's faults, the script's own assertions keep deciding: a script that plans a fault asserts
/// what the provider must answer under it.
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="Spec">The faults, parsed by <see cref="FaultSpecParser"/>.</param>
public sealed record FaultCommand(SourceLocation Location, FaultSpec Spec)
    : ScriptCommand(Location);

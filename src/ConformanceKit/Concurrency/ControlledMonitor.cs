namespace NetDma.ConformanceKit.Concurrency;

/// <summary>One .NET lock of rewritten provider code as Coyote models it (<see cref="ControlledMonitors"/>).</summary>
/// <param name="Lock">The object locked.</param>
/// <param name="Owner">The controlled operation that holds it, or null.</param>
/// <param name="Entering">The operations waiting to enter it (<c>lock</c>, <c>Monitor.Enter</c>, or woken from a wait).</param>
/// <param name="Waiting">The operations in <c>Monitor.Wait</c> on it, waiting for a pulse.</param>
internal sealed record ControlledMonitor(object Lock, ulong? Owner, IReadOnlyList<ulong> Entering, IReadOnlyList<ulong> Waiting);

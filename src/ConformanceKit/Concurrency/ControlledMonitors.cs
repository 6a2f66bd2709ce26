using System.Collections;
using System.Reflection;
using Microsoft.Coyote.Runtime;

namespace NetDma.ConformanceKit.Concurrency;

/// <summary>
/// The .NET locks (<c>lock</c>/Monitor) rewritten provider code holds and waits for in the running schedule, read from
/// Coyote's own model of them. A rewritten <c>lock</c> goes through <c>Microsoft.Coyote.Rewriting.Types.Threading.Monitor</c>,
/// whose <c>SynchronizedBlock</c> per locked object keeps the owning controlled operation, the operations waiting to
/// enter and those in <c>Monitor.Wait</c>. Coyote 1.7.11 has no public API for them (as for its blocking points,
/// <see cref="ControlledBlockingMonitor"/>), so this reads those private fields, only when a schedule ends in a deadlock
/// or at its step bound; a test pins the shape to the version, and a shape that no longer matches reads as no locks.
/// </summary>
internal static class ControlledMonitors
{
    private const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;
    private static readonly Type? Block = typeof(Microsoft.Coyote.Rewriting.Types.Threading.Monitor).GetNestedType("SynchronizedBlock", BindingFlags.NonPublic);
    private static readonly FieldInfo? Cache = Block?.GetField("Cache", BindingFlags.NonPublic | BindingFlags.Static);
    private static readonly FieldInfo? RuntimeId = Block?.GetField("RuntimeId", Private);
    private static readonly FieldInfo? SyncObject = Block?.GetField("SyncObject", Private);
    private static readonly FieldInfo? Owner = Block?.GetField("Owner", Private);
    private static readonly FieldInfo? ReadyQueue = Block?.GetField("ReadyQueue", Private);
    private static readonly FieldInfo? WaitQueue = Block?.GetField("WaitQueue", Private);

    /// <summary>True when Coyote's lock model has the shape this reads (the pinned Coyote version).</summary>
    public static bool Readable => Cache is not null && RuntimeId is not null && SyncObject is not null && Owner is not null
        && ReadyQueue is not null && WaitQueue is not null;

    /// <summary>
    /// Every .NET lock of the running schedule that is held or waited for. Call only on a controlled operation's thread
    /// while the other operations are paused (Coyote's failure callback), so the model does not change meanwhile.
    /// </summary>
    public static IReadOnlyList<ControlledMonitor> Current()
    {
        if (!Readable || RuntimeProvider.Current is not { } runtime
            || runtime.GetType().GetField("Id", Private)?.GetValue(runtime) is not Guid current
            || Cache!.GetValue(null) is not IDictionary cache)
        {
            return [];
        }

        var monitors = new List<ControlledMonitor>();
        foreach (DictionaryEntry entry in cache)
        {
            var block = entry.Value?.GetType().GetProperty("Value")?.GetValue(entry.Value);
            if (block is null || RuntimeId!.GetValue(block) is not Guid id || id != current)
            {
                continue; // a lock of an earlier schedule (Coyote keeps the block of a lock never released)
            }

            var owner = OperationId(Owner!.GetValue(block));
            var entering = OperationIds(ReadyQueue!.GetValue(block));
            var waiting = OperationIds(WaitQueue!.GetValue(block));
            if (owner is not null || entering.Count > 0 || waiting.Count > 0)
            {
                monitors.Add(new ControlledMonitor(SyncObject!.GetValue(block)!, owner, entering, waiting));
            }
        }

        return monitors;
    }

    private static ulong? OperationId(object? operation) =>
        operation?.GetType().GetProperty("Id", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(operation) as ulong?;

    private static List<ulong> OperationIds(object? operations)
    {
        var ids = new List<ulong>();
        if (operations is IEnumerable list)
        {
            foreach (var operation in list)
            {
                if (OperationId(operation) is { } id)
                {
                    ids.Add(id);
                }
            }
        }

        return ids;
    }
}

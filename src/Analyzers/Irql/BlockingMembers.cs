using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// The .NET members that block the calling thread until something else happens: monitors and locks, sleeps and
/// joins, synchronous waits on tasks, semaphores, events and wait handles. These are .NET facts, not DDI facts; the
/// DDI side (the kernel's waits) is read from the contracts (<see cref="KernelWait"/>).
/// </summary>
internal static class BlockingMembers
{
    private static readonly (string Namespace, string Type, string[] Members)[] Known =
    [
        ("System.Threading", "Monitor", ["Enter", "Wait"]),
        ("System.Threading", "Lock", ["Enter", "EnterScope"]),
        ("System.Threading", "Thread", ["Sleep", "Join"]),
        ("System.Threading", "SemaphoreSlim", ["Wait"]),
        ("System.Threading", "ManualResetEventSlim", ["Wait"]),
        ("System.Threading", "CountdownEvent", ["Wait"]),
        ("System.Threading", "Barrier", ["SignalAndWait"]),
        ("System.Threading", "WaitHandle", ["WaitOne", "WaitAll", "WaitAny", "SignalAndWait"]),
        ("System.Threading", "ReaderWriterLockSlim", ["EnterReadLock", "EnterWriteLock", "EnterUpgradeableReadLock"]),
        ("System.Threading.Tasks", "Task", ["Wait", "WaitAll", "WaitAny"]),
        ("System.Threading.Tasks", "Task`1", ["Result"]),
        ("System.Threading.Tasks", "ValueTask`1", ["Result"]),
    ];

    /// <summary><c>Thread.Sleep</c>, <c>Task.Result</c>, <c>GetAwaiter().GetResult()</c> for a blocking member, else null.</summary>
    public static string? Describe(ISymbol member)
    {
        if (member.ContainingType is not { } type)
        {
            return null;
        }

        var definition = type.OriginalDefinition;
        var ns = definition.ContainingNamespace?.ToDisplayString();
        if (member.Name == "GetResult" && ns == "System.Runtime.CompilerServices" && definition.Name.EndsWith("Awaiter", System.StringComparison.Ordinal))
        {
            return "GetAwaiter().GetResult()";
        }

        for (INamedTypeSymbol? current = definition; current is not null; current = current.BaseType?.OriginalDefinition)
        {
            var currentNamespace = current.ContainingNamespace?.ToDisplayString();
            if (Known.Any(k => k.Namespace == currentNamespace && k.Type == current.MetadataName && k.Members.Contains(member.Name)))
            {
                return $"{current.Name}.{member.Name}";
            }
        }

        return null;
    }

    /// <summary>True for the member a <c>lock</c> statement is lowered to on entry (Monitor.Enter, Lock.EnterScope).</summary>
    public static bool IsLockEntry(IMethodSymbol method) => method.Name is "Enter" or "EnterScope";
}

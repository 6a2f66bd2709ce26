namespace NetDma.Analyzers.Irql;

/// <summary>Values of the <see cref="IrqlDiagnosticProperties.BlockingKind"/> property of NDMA1002 diagnostics.</summary>
internal static class BlockingKinds
{
    /// <summary>A C# <c>lock</c> statement.</summary>
    public const string Lock = "Lock";

    /// <summary>IWdmKernel.KeWaitForSingleObject with a time-out that is not a constant 0.</summary>
    public const string KernelWait = "KernelWait";

    /// <summary>An <c>await</c>.</summary>
    public const string Await = "Await";

    /// <summary>A .NET blocking member (Thread.Sleep, Task.Wait ...).</summary>
    public const string Member = "Member";
}

namespace NetDma.ConformanceKit.Rules;

/// <summary>NDMA1xxx: interrupt request levels.</summary>
public static class IrqlRules
{
    /// <summary>A NetDMA function or kernel routine is called only at an IRQL its contract allows.</summary>
    public static readonly Rule CallAtContractIrql = new("NDMA1001", RuleLevel.MUST,
        "A NetDMA function or kernel routine is called only at an IRQL its contract allows.", "irql-annotations-for-drivers.md")
    {
        Enforcement = RuleEnforcement.RunTime | RuleEnforcement.CompileTime,
    };

    /// <summary>No blocking wait at DISPATCH_LEVEL or above.</summary>
    public static readonly Rule NoBlockingWaitAtDispatch = new("NDMA1002", RuleLevel.MUST,
        "Code running at DISPATCH_LEVEL or above never waits with a non-zero time-out.", "managing-hardware-priorities.md")
    {
        Enforcement = RuleEnforcement.RunTime | RuleEnforcement.CompileTime,
    };

    /// <summary>Paged pool only at APC_LEVEL or below.</summary>
    public static readonly Rule PagedPoolAtPassiveOrApc = new("NDMA1003", RuleLevel.MUST,
        "Paged pool is allocated and freed only at IRQL <= APC_LEVEL.", "managing-hardware-priorities.md")
    {
        Enforcement = RuleEnforcement.RunTime | RuleEnforcement.CompileTime,
    };

    /// <summary>KeRaiseIrql never lowers, KeLowerIrql never raises.</summary>
    public static readonly Rule RaiseUpLowerDown = new("NDMA1004", RuleLevel.MUST,
        "KeRaiseIrql is never asked to lower the IRQL and KeLowerIrql never to raise it.", "irql-annotations-for-drivers.md")
    {
        Enforcement = RuleEnforcement.RunTime | RuleEnforcement.CompileTime,
    };

    /// <summary>A callback returns at the IRQL it was entered at.</summary>
    public static readonly Rule ReturnAtEntryIrql = new("NDMA1005", RuleLevel.MUST,
        "A driver routine returns at the IRQL it was called at, with every spin lock it took released.", "irql-annotations-for-drivers.md")
    {
        Enforcement = RuleEnforcement.RunTime | RuleEnforcement.CompileTime,
    };

    /// <summary>Spin locks: no recursion, released by the holder.</summary>
    public static readonly Rule SpinLockDiscipline = new("NDMA1006", RuleLevel.MUST,
        "A spin lock is never acquired by the processor that already holds it and is released only by its holder.", "managing-hardware-priorities.md");

    /// <summary>An implementation keeps the IRQL contract of what it implements.</summary>
    public static readonly Rule ImplementationKeepsContractIrql = new("NDMA1007", RuleLevel.MUST,
        "A routine implementing a contract (an INetDmaProvider handler, a callback typedef) claims no weaker IRQL requirement than the contract states.", "irql-annotations-for-drivers.md")
    {
        Enforcement = RuleEnforcement.CompileTime,
    };

    /// <summary>Every rule of the area, in ID order.</summary>
    public static IReadOnlyList<Rule> All { get; } =
        [CallAtContractIrql, NoBlockingWaitAtDispatch, PagedPoolAtPassiveOrApc, RaiseUpLowerDown, ReturnAtEntryIrql, SpinLockDiscipline, ImplementationKeepsContractIrql];
}

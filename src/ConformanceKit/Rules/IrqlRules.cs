namespace NetDma.ConformanceKit.Rules;

/// <summary>NDMA1xxx: interrupt request levels. Each rule is stated once, in <c>src/Rules/RuleSource.cs</c>.</summary>
public static class IrqlRules
{
    /// <summary>NDMA1001: A NetDMA function or kernel routine is called only at an IRQL its contract allows.</summary>
    public static readonly Rule CallAtContractIrql = RuleSource.CallAtContractIrql;

    /// <summary>NDMA1002: No blocking wait at DISPATCH_LEVEL or above.</summary>
    public static readonly Rule NoBlockingWaitAtDispatch = RuleSource.NoBlockingWaitAtDispatch;

    /// <summary>NDMA1003: Paged pool only at APC_LEVEL or below.</summary>
    public static readonly Rule PagedPoolAtPassiveOrApc = RuleSource.PagedPoolAtPassiveOrApc;

    /// <summary>NDMA1004: KeRaiseIrql never lowers, KeLowerIrql never raises.</summary>
    public static readonly Rule RaiseUpLowerDown = RuleSource.RaiseUpLowerDown;

    /// <summary>NDMA1005: A callback returns at the IRQL it was entered at.</summary>
    public static readonly Rule ReturnAtEntryIrql = RuleSource.ReturnAtEntryIrql;

    /// <summary>NDMA1006: Spin locks: no recursion, released by the holder.</summary>
    public static readonly Rule SpinLockDiscipline = RuleSource.SpinLockDiscipline;

    /// <summary>NDMA1007: An implementation keeps the IRQL contract of what it implements.</summary>
    public static readonly Rule ImplementationKeepsContractIrql = RuleSource.ImplementationKeepsContractIrql;

    /// <summary>NDMA1008: A DPC object is initialized before use.</summary>
    public static readonly Rule DpcInitializedBeforeUse = RuleSource.DpcInitializedBeforeUse;

    /// <summary>Every rule of the area, in ID order.</summary>
    public static IReadOnlyList<Rule> All { get; } =
        [CallAtContractIrql, NoBlockingWaitAtDispatch, PagedPoolAtPassiveOrApc, RaiseUpLowerDown, ReturnAtEntryIrql, SpinLockDiscipline, ImplementationKeepsContractIrql, DpcInitializedBeforeUse];
}

namespace NetDma.ConformanceKit.Rules;

/// <summary>NDMA2xxx: NTSTATUS results and callback completion.</summary>
public static class StatusRules
{
    /// <summary>A callback returns only documented statuses.</summary>
    public static readonly Rule DocumentedStatusOnly = new("NDMA2001", RuleLevel.MUST,
        "A provider callback returns only a status its reference page documents.", "nc-netdma-dma_channel_allocate_handler.md")
    {
        Enforcement = RuleEnforcement.RunTime | RuleEnforcement.CompileTime,
    };

    /// <summary>A callback returns instead of throwing.</summary>
    public static readonly Rule CallbackReturns = new("NDMA2002", RuleLevel.MUST,
        "A driver routine returns to its caller; it does not throw (a crash in kernel mode is a bug check).", "irql-annotations-for-drivers.md");

    /// <summary>A callback returns in bounded time.</summary>
    public static readonly Rule CallbackTerminates = new("NDMA2003", RuleLevel.MUST,
        "A driver routine returns within the kit's watchdog budget; it does not hang the caller.", "managing-hardware-priorities.md");

    /// <summary>Results of _Must_inspect_result_ routines are inspected.</summary>
    public static readonly Rule InspectResult = new("NDMA2004", RuleLevel.MUST,
        "The result of a routine marked _Must_inspect_result_ (NetDmaRegisterProvider, AllocateAdapterChannel, IoGetDmaAdapter ...) is checked before its outputs are used.", "irql-annotations-for-drivers.md")
    {
        Enforcement = RuleEnforcement.CompileTime,
    };

    /// <summary>Every rule of the area, in ID order.</summary>
    public static IReadOnlyList<Rule> All { get; } = [DocumentedStatusOnly, CallbackReturns, CallbackTerminates, InspectResult];
}

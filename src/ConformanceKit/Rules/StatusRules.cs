namespace NetDma.ConformanceKit.Rules;

/// <summary>NDMA2xxx: NTSTATUS results and callback completion. Each rule is stated once, in <c>src/Rules/RuleSource.cs</c>.</summary>
public static class StatusRules
{
    /// <summary>NDMA2001: A callback returns only documented statuses.</summary>
    public static readonly Rule DocumentedStatusOnly = RuleSource.DocumentedStatusOnly;

    /// <summary>NDMA2002: A callback returns instead of throwing.</summary>
    public static readonly Rule CallbackReturns = RuleSource.CallbackReturns;

    /// <summary>NDMA2003: A callback returns in bounded time.</summary>
    public static readonly Rule CallbackTerminates = RuleSource.CallbackTerminates;

    /// <summary>NDMA2004: Results of _Must_inspect_result_ routines are inspected.</summary>
    public static readonly Rule InspectResult = RuleSource.InspectResult;

    /// <summary>Every rule of the area, in ID order.</summary>
    public static IReadOnlyList<Rule> All { get; } =
        [DocumentedStatusOnly, CallbackReturns, CallbackTerminates, InspectResult];
}

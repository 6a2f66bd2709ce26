namespace NetDma.Contracts.Annotations;

/// <summary>
/// SAL <c>_Must_inspect_result_</c>: the caller must look at the returned status before relying on any output
/// (PREfast C28193). Put on functions whose failure leaves outputs unset, such as <c>NetDmaRegisterProvider</c>.
/// Source: irql-annotations-for-drivers.md and the page of the annotated DDI.
/// </summary>
[AttributeUsage(AttributeTargets.Delegate | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class MustInspectResultAttribute : Attribute
{
}

namespace NetDma.Contracts.Annotations;

/// <summary>
/// On a method of a provider-facing interface (<see cref="NetDma.INetDmaProvider"/>): the callback typedef whose
/// contract the method implements. The IRQL, status set and page are read from that delegate type, so the
/// contract is stated once.
/// </summary>
/// <param name="callbackType">The contract delegate type, e.g. <c>typeof(DmaChannelAllocateHandler)</c>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class ContractOfAttribute(Type callbackType) : Attribute
{
    /// <summary>The contract delegate type.</summary>
    public Type CallbackType { get; } = callbackType;
}

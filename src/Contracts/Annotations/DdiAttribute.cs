namespace NetDma.Contracts.Annotations;

/// <summary>
/// Ties a C# member to the DDI it mirrors: the typedef or function name, its role (the name the pages use for an
/// implementation, e.g. <c>ProviderAllocateDmaChannel</c>), its header and the reference page it comes from.
/// Every contract delegate and every function of a contract interface carries exactly one.
/// </summary>
/// <param name="name">The DDI name as the page's title spells it, e.g. <c>DMA_CHANNEL_ALLOCATE_HANDLER</c>.</param>
/// <param name="kind">Callback (nc- page) or function (nf- page).</param>
/// <param name="header">The header: <c>netdma.h</c>, <c>wdm.h</c> or <c>ntddk.h</c>.</param>
/// <param name="page">The file name of the reference page in <c>shared/spec/ddi</c>, e.g. <c>nc-netdma-dma_channel_allocate_handler.md</c>.</param>
[AttributeUsage(AttributeTargets.Delegate | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class DdiAttribute(string name, DdiKind kind, string header, string page) : Attribute
{
    /// <summary>The DDI name, e.g. <c>DMA_CHANNEL_ALLOCATE_HANDLER</c> or <c>NetDmaRegisterProvider</c>.</summary>
    public string Name { get; } = name;

    /// <summary>Callback or function.</summary>
    public DdiKind Kind { get; } = kind;

    /// <summary>The header file that declares the DDI.</summary>
    public string Header { get; } = header;

    /// <summary>The reference page file name, e.g. <c>nc-netdma-dma_channel_allocate_handler.md</c>.</summary>
    public string Page { get; } = page;

    /// <summary>
    /// The role name the pages give an implementation (<c>ProviderAllocateDmaChannel</c>, <c>AdapterControl</c>);
    /// for functions, the function name itself. Defaults to <see cref="Name"/> when not set.
    /// </summary>
    public string? Role { get; init; }

    /// <summary>Further pages that document the same DDI (KeSetTargetProcessorDpc has an ntddk and a wdm page).</summary>
    public string[] AlsoDocumentedIn { get; init; } = [];
}

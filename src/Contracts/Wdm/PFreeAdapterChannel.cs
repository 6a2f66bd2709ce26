using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>PFREE_ADAPTER_CHANNEL</c> (FreeAdapterChannel): release the adapter channel (and map registers) kept by an
/// AdapterControl that returned KeepObject. Called at DISPATCH_LEVEL. No return value.
/// Source: nc-wdm-pfree_adapter_channel.md.
/// </summary>
/// <param name="DmaAdapter">The adapter.</param>
[Ddi("PFREE_ADAPTER_CHANNEL", DdiKind.Callback, "wdm.h", "nc-wdm-pfree_adapter_channel.md", Role = "FreeAdapterChannel")]
[IrqlRequires(Irql.DISPATCH_LEVEL)]
public delegate void PFreeAdapterChannel([DdiParameter(DdiParameterDirection.In)] DmaAdapter DmaAdapter);

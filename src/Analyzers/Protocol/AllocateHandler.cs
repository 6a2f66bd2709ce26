using System.Linq;
using Microsoft.CodeAnalysis;
using NetDma.Analyzers.Contracts;
using NetDma.Analyzers.Flow;

namespace NetDma.Analyzers.Protocol;

/// <summary>
/// A routine implementing DMA_CHANNEL_ALLOCATE_HANDLER (ProviderAllocateDmaChannel), whatever its name: its
/// NET_DMA_CHANNEL_PARAMETERS parameter (the provider writes CpuNumber into it) and its out channel-context parameter
/// (pProviderChannelContext). Source: nc-netdma-dma_channel_allocate_handler.md.
/// </summary>
/// <param name="Contract">The DMA_CHANNEL_ALLOCATE_HANDLER contract.</param>
/// <param name="ChannelParameters">The NetDmaChannelParameters parameter.</param>
/// <param name="ChannelContext">The out parameter receiving the channel context, or null when the signature has none.</param>
internal sealed record AllocateHandler(MethodContract Contract, IParameterSymbol ChannelParameters, IParameterSymbol? ChannelContext)
{
    /// <summary>The shape of <paramref name="routine"/> when it implements DMA_CHANNEL_ALLOCATE_HANDLER, else null.</summary>
    public static AllocateHandler? TryCreate(FlowRoutine routine, ContractSymbols symbols)
    {
        if (routine.Contract is not { Name: DdiNames.DmaChannelAllocateHandler } contract || symbols.NetDmaChannelParameters is not { } parametersType)
        {
            return null;
        }

        var parameters = routine.Symbol.Parameters.FirstOrDefault(p => SymbolEqualityComparer.Default.Equals(p.Type, parametersType));
        return parameters is null ? null : new AllocateHandler(contract, parameters, routine.Symbol.Parameters.FirstOrDefault(p => p.RefKind == RefKind.Out));
    }
}

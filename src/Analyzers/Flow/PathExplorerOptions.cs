using Microsoft.CodeAnalysis;
using NetDma.Analyzers.Contracts;
using NetDma.Analyzers.Infrastructure;

namespace NetDma.Analyzers.Flow;

/// <summary>What a <see cref="PathExplorer"/> tracks besides NTSTATUS locals.</summary>
/// <param name="Symbols">The contract types (NtStatus, NtStatusFacts).</param>
/// <param name="ChannelParameters">A NetDmaChannelParameters parameter whose <c>CpuNumber</c> writes are tracked, or null.</param>
/// <param name="ChannelContext">An <c>out</c> parameter whose null assignments are tracked, or null.</param>
/// <param name="Budgets">The compilation's bounds (<see cref="AnalysisBudgets.PathStates"/>).</param>
internal sealed record PathExplorerOptions(ContractSymbols Symbols, IParameterSymbol? ChannelParameters, IParameterSymbol? ChannelContext, AnalysisBudgets Budgets);

using Microsoft.CodeAnalysis;

namespace NetDma.Analyzers.Irql;

/// <summary>An operation of a control-flow graph and the IRQL facts just before it runs (its operands already evaluated).</summary>
/// <param name="Operation">An invocation, await, property reference, delegate creation or anonymous function of the graph.</param>
/// <param name="Before">The state before the operation itself.</param>
internal sealed record IrqlObservation(IOperation Operation, IrqlFlowState Before);

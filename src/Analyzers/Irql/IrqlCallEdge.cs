using Microsoft.CodeAnalysis;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// A call (or a lambda or method group handed to a call, assumed to run during it) from one function of the
/// compilation to another that takes its IRQL from its callers.
/// </summary>
/// <param name="Callee">The function called.</param>
/// <param name="CalleeName">Its name in call chains.</param>
/// <param name="Location">The call site: where a chain starting here is reported.</param>
/// <param name="State">The IRQL facts at the call.</param>
internal sealed record IrqlCallEdge(IMethodSymbol Callee, string CalleeName, Location Location, IrqlFlowState State);

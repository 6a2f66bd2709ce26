using Microsoft.CodeAnalysis;

namespace NetDma.Analyzers.Calls;

/// <summary>A call from one routine of the compilation to another, at <see cref="Location"/> in the caller.</summary>
/// <param name="Caller">The calling method, local function or lambda.</param>
/// <param name="Callee">The called method or local function.</param>
/// <param name="Location">The call expression.</param>
internal sealed record CallEdge(IMethodSymbol Caller, IMethodSymbol Callee, Location Location);

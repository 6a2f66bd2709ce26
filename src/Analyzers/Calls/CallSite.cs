using Microsoft.CodeAnalysis;
using NetDma.Analyzers.Contracts;

namespace NetDma.Analyzers.Calls;

/// <summary>A call to a routine a rule is about, with that routine's contract.</summary>
/// <param name="Contract">The called routine's contract (its role and page name it in messages).</param>
/// <param name="Location">The call expression.</param>
internal sealed record CallSite(MethodContract Contract, Location Location);

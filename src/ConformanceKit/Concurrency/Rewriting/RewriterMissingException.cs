namespace NetDma.ConformanceKit.Concurrency.Rewriting;

/// <summary>Coyote's rewriter is not installed where the kit looks (<see cref="CoyoteRewriterLocator"/>); the message says how to install it.</summary>
public sealed class RewriterMissingException(string message) : Exception(message);

namespace NetDma.ConformanceKit.Scripting;

/// <summary>A buffer or chain name declared earlier in the script (one namespace for both).</summary>
/// <param name="Keyword"><c>buffer</c> or <c>chain</c>.</param>
/// <param name="Location">Where the declaring command is.</param>
/// <param name="Size">The buffer's size in bytes; 0 for a chain.</param>
internal sealed record ScriptDeclaration(string Keyword, SourceLocation Location, ulong Size);

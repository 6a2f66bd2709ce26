namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// A position in a conformance script: the file name as given to the parser, a 1-based line and a 1-based column
/// (counted in UTF-16 code units; a tab counts as one column).
/// </summary>
/// <param name="File">The script's file name or path, as passed to <see cref="ScriptParser"/>.</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Column">1-based column number.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>The compiler-style form <c>file:line:column</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";
}

namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// One line of a conformance script. Each command is a sealed record deriving from this one; the runner executes
/// them in order. Syntax and meaning of every command: <c>docs/script-language.md</c>.
/// </summary>
/// <param name="Location">Where the command's keyword is (column 1 unless the line is indented).</param>
public abstract record ScriptCommand(SourceLocation Location);

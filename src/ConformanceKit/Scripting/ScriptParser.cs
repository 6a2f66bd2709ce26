namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// Parses and statically checks conformance scripts (docs/script-language.md). The first error stops the parse and
/// is thrown as a <see cref="ScriptParseException"/> with its exact line and column; a script that parses names
/// only declared buffers, chains and channels, stays inside its buffers and uses only commands its driver kind has.
/// </summary>
public static class ScriptParser
{
    /// <summary>Parses script text.</summary>
    /// <param name="text">The script; lines end with <c>\n</c> or <c>\r\n</c>.</param>
    /// <param name="file">The file name to put in every <see cref="SourceLocation"/>.</param>
    /// <returns>The script's commands, in order.</returns>
    /// <exception cref="ScriptParseException">The first lexical, syntax or static error.</exception>
    public static Script Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        return new ScriptReader(file).Read(text) with { Source = text };
    }

    /// <summary>Reads and parses a script file; locations name <paramref name="path"/> as given.</summary>
    /// <param name="path">The script's path.</param>
    /// <returns>The script's commands, in order.</returns>
    /// <exception cref="ScriptParseException">The first lexical, syntax or static error.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Script ParseFile(string path) => Parse(File.ReadAllText(path), path);
}

namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// The first error in a conformance script: where it is, what the language expected there and what it found.
/// The message is <c>file:line:column: expected &lt;Expected&gt;, found &lt;Found&gt;</c>, followed by
/// <c>; &lt;Hint&gt;</c> when there is one (for example <c>did you mean 'allocate'?</c>).
/// </summary>
public sealed class ScriptParseException : Exception
{
    /// <summary>Creates the exception for one error.</summary>
    /// <param name="location">The column of the offending token (or of the end of the line when something is missing).</param>
    /// <param name="expected">What the language expected, e.g. <c>a channel name</c>.</param>
    /// <param name="found">What the script has there, e.g. <c>'mask=3'</c> or <c>end of line</c>.</param>
    /// <param name="hint">An optional suggestion, e.g. <c>did you mean 'allocate'?</c>.</param>
    public ScriptParseException(SourceLocation location, string expected, string found, string? hint = null)
        : base($"{location}: {Describe(expected, found, hint)}")
    {
        Location = location;
        Expected = expected;
        Found = found;
        Hint = hint;
    }

    /// <summary>Where the error is: the column of the offending token.</summary>
    public SourceLocation Location { get; }

    /// <summary>What the language expected at <see cref="Location"/>.</summary>
    public string Expected { get; }

    /// <summary>What the script has at <see cref="Location"/>.</summary>
    public string Found { get; }

    /// <summary>A suggestion (a near keyword, option or name), or <see langword="null"/>.</summary>
    public string? Hint { get; }

    /// <summary>The message without its location: <c>expected X, found Y</c>, plus the hint when there is one.</summary>
    public string Description => Describe(Expected, Found, Hint);

    private static string Describe(string expected, string found, string? hint) =>
        hint is null ? $"expected {expected}, found {found}" : $"expected {expected}, found {found}; {hint}";
}

namespace NetDma.ConformanceKit.Scripting;

/// <summary>One token of a script line.</summary>
/// <param name="Kind">Its lexical class.</param>
/// <param name="Text">The source text; for an option, the key; for a string, the text with its quotes.</param>
/// <param name="Location">Where the token starts.</param>
/// <param name="Value">For an option, the value text; for a string, the text with escapes resolved; otherwise empty.</param>
/// <param name="ValueLocation">For an option, where the value starts; otherwise <paramref name="Location"/>.</param>
internal readonly record struct ScriptToken(
    ScriptTokenKind Kind, string Text, SourceLocation Location, string Value, SourceLocation ValueLocation)
{
    /// <summary>A token that has no separate value.</summary>
    public ScriptToken(ScriptTokenKind kind, string text, SourceLocation location)
        : this(kind, text, location, "", location)
    {
    }

    /// <summary>An option's value as a token of its own (a number when it starts with a digit, else a word).</summary>
    public ScriptToken ValueToken =>
        new(Value.Length > 0 && char.IsAsciiDigit(Value[0]) ? ScriptTokenKind.Number : ScriptTokenKind.Word, Value, ValueLocation);

    /// <summary>How error messages show the token: <c>'text'</c>, <c>'key=value'</c>, <c>"string"</c> or <c>end of line</c>.</summary>
    public string Describe() => Kind switch
    {
        ScriptTokenKind.EndOfLine => "end of line",
        ScriptTokenKind.Option => $"'{Text}={Value}'",
        ScriptTokenKind.String => Text,
        _ => $"'{Text}'",
    };
}

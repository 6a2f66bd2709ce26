namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// Reads the tokens of one line left to right. Every <c>Expect</c> either returns what the grammar wants or throws a
/// <see cref="ScriptParseException"/> at the offending token, so the first error of a line is the one reported.
/// </summary>
/// <param name="tokens">The line's tokens, ending with an end-of-line token.</param>
internal sealed class LineCursor(List<ScriptToken> tokens)
{
    private int _index;

    /// <summary>The next token, not consumed.</summary>
    public ScriptToken Peek => tokens[_index];

    /// <summary>Consumes and returns the next token (the end-of-line token repeats).</summary>
    public ScriptToken Next()
    {
        var token = tokens[_index];
        if (token.Kind != ScriptTokenKind.EndOfLine)
        {
            _index++;
        }

        return token;
    }

    /// <summary>Consumes a token of <paramref name="kind"/>.</summary>
    /// <param name="kind">The kind wanted.</param>
    /// <param name="expected">How the message names it, e.g. <c>a channel name</c>.</param>
    public ScriptToken Expect(ScriptTokenKind kind, string expected)
    {
        var token = Peek;
        if (token.Kind != kind)
        {
            throw new ScriptParseException(token.Location, expected, token.Describe());
        }

        return Next();
    }

    /// <summary>Consumes a number token whose value is in <paramref name="min"/>..<paramref name="max"/>.</summary>
    /// <param name="expected">How the message names it, with its range, e.g. <c>a length in bytes, 1..4294967295</c>.</param>
    /// <param name="min">Smallest accepted value.</param>
    /// <param name="max">Largest accepted value.</param>
    public (ulong Value, ScriptToken Token) ExpectNumber(string expected, ulong min, ulong max)
    {
        var token = Peek;
        var value = NumberIn(token, expected, min, max);
        Next();
        return (value, token);
    }

    /// <summary>
    /// Reads <paramref name="token"/> (a number token, or an option's value token) as a number in range. A token that
    /// is not a number names <paramref name="expected"/>; a malformed literal names the literal forms.
    /// </summary>
    public static ulong NumberIn(ScriptToken token, string expected, ulong min, ulong max)
    {
        if (token.Kind != ScriptTokenKind.Number)
        {
            throw new ScriptParseException(token.Location, expected, token.Describe());
        }

        var result = ScriptNumber.TryParse(token.Text, out var value);
        if (result == ScriptNumber.Result.Malformed)
        {
            throw new ScriptParseException(token.Location, ScriptNumber.Forms, token.Describe());
        }

        if (result == ScriptNumber.Result.Overflow || value < min || value > max)
        {
            throw new ScriptParseException(token.Location, expected, token.Describe());
        }

        return value;
    }

    /// <summary>
    /// Consumes the rest of the line as <c>key=value</c> options from <paramref name="allowed"/>, each at most once.
    /// </summary>
    /// <param name="keyword">The command, for messages.</param>
    /// <param name="allowed">The option keys the command takes.</param>
    /// <returns>The options given, by key; <see cref="Peek"/> is then the end-of-line token.</returns>
    public Dictionary<string, ScriptToken> ReadOptions(string keyword, params string[] allowed)
    {
        var options = new Dictionary<string, ScriptToken>(StringComparer.Ordinal);
        var list = string.Join(", ", allowed.Select(k => k + "="));
        while (Peek.Kind != ScriptTokenKind.EndOfLine)
        {
            var token = Peek;
            if (token.Kind != ScriptTokenKind.Option)
            {
                var expected = allowed.Length == 0 ? "end of line" : $"an option of '{keyword}' ({list}) or end of line";
                var spacedOption = token.Text == "="
                    || (token.Kind == ScriptTokenKind.Word && tokens[_index + 1] is { Kind: ScriptTokenKind.Other, Text: "=" });
                var hint = spacedOption ? "options are written key=value with no spaces" : null;
                throw new ScriptParseException(token.Location, expected, token.Describe(), hint);
            }

            if (!allowed.Contains(token.Text))
            {
                var expected = allowed.Length == 0 ? "end of line" : $"an option of '{keyword}' ({list})";
                var hint = allowed.Length == 0
                    ? $"'{keyword}' takes no options"
                    : NearestName.Suggest(token.Text, allowed) is { } near ? $"did you mean '{near}='?" : null;
                throw new ScriptParseException(token.Location, expected, token.Describe(), hint);
            }

            if (options.TryGetValue(token.Text, out var first))
            {
                throw new ScriptParseException(token.Location, $"each option of '{keyword}' at most once",
                    $"a second '{token.Text}=' (the first is at column {first.Location.Column})");
            }

            options.Add(token.Text, Next());
        }

        return options;
    }

    /// <summary>Requires the end of the line (a command with no options).</summary>
    public void ExpectEnd(string keyword) => ReadOptions(keyword);
}

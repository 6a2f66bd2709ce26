namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// Splits one script line into tokens, ending with an <see cref="ScriptTokenKind.EndOfLine"/> token. Only errors that
/// make the rest of the line unreadable (an unterminated string, a bad escape, <c>key=</c> with no value) are thrown
/// here; anything else becomes a token the parser reports with what it expected.
/// </summary>
internal static class ScriptLexer
{
    /// <summary>Tokenizes <paramref name="line"/> (without its line terminator).</summary>
    /// <param name="line">The line's text.</param>
    /// <param name="file">The file name for locations.</param>
    /// <param name="lineNumber">The 1-based line number.</param>
    /// <exception cref="ScriptParseException">The line has an unterminated string, a bad escape or an empty option value.</exception>
    public static List<ScriptToken> Tokenize(string line, string file, int lineNumber)
    {
        var tokens = new List<ScriptToken>();
        var i = 0;
        SourceLocation At(int index) => new(file, lineNumber, index + 1);

        while (true)
        {
            while (i < line.Length && IsSpace(line[i]))
            {
                i++;
            }

            if (i >= line.Length || line[i] == '#')
            {
                tokens.Add(new ScriptToken(ScriptTokenKind.EndOfLine, "", At(i)));
                return tokens;
            }

            var start = i;
            var c = line[i];
            if (IsWordStart(c))
            {
                i = ScanWord(line, i);
                var word = line[start..i];
                if (i < line.Length && line[i] == '=')
                {
                    var valueStart = ++i;
                    while (i < line.Length && !IsSpace(line[i]) && line[i] != '#')
                    {
                        i++;
                    }

                    if (i == valueStart)
                    {
                        var found = valueStart >= line.Length || line[valueStart] == '#' ? "end of line" : "a space";
                        throw new ScriptParseException(At(valueStart), $"a value after '{word}='", found,
                            "options are written key=value with no spaces");
                    }

                    tokens.Add(new ScriptToken(ScriptTokenKind.Option, word, At(start), line[valueStart..i], At(valueStart)));
                }
                else
                {
                    tokens.Add(new ScriptToken(ScriptTokenKind.Word, word, At(start)));
                }
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] is '_' or '.'))
                {
                    i++;
                }

                tokens.Add(new ScriptToken(ScriptTokenKind.Number, line[start..i], At(start)));
            }
            else if (c == '"')
            {
                tokens.Add(ScanString(line, ref i, At));
            }
            else if (c == '-' && i + 1 < line.Length && line[i + 1] == '>')
            {
                i += 2;
                tokens.Add(new ScriptToken(ScriptTokenKind.Arrow, "->", At(start)));
            }
            else
            {
                i++;
                var kind = c switch
                {
                    '+' => ScriptTokenKind.Plus,
                    ':' => ScriptTokenKind.Colon,
                    _ => ScriptTokenKind.Other,
                };
                tokens.Add(new ScriptToken(kind, line[start..i], At(start)));
            }
        }
    }

    private static bool IsSpace(char c) => c is ' ' or '\t';

    private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c == '_';

    // A '-' followed by '>' is the descriptor arrow, so "src->dst" splits into src, ->, dst.
    private static int ScanWord(string line, int i)
    {
        i++;
        while (i < line.Length
            && (char.IsAsciiLetterOrDigit(line[i]) || line[i] is '_' or '.'
                || (line[i] == '-' && !(i + 1 < line.Length && line[i + 1] == '>'))))
        {
            i++;
        }

        return i;
    }

    private static ScriptToken ScanString(string line, ref int i, Func<int, SourceLocation> at)
    {
        var start = i++;
        var text = new System.Text.StringBuilder();
        while (i < line.Length && line[i] != '"')
        {
            if (line[i] == '\\')
            {
                if (i + 1 < line.Length && line[i + 1] is '"' or '\\')
                {
                    text.Append(line[i + 1]);
                    i += 2;
                    continue;
                }

                var found = i + 1 < line.Length ? $"'\\{line[i + 1]}'" : "'\\' at end of line";
                throw new ScriptParseException(at(i), "an escape \\\" or \\\\ in a string", found);
            }

            text.Append(line[i++]);
        }

        if (i >= line.Length)
        {
            throw new ScriptParseException(at(i), "a closing '\"' of the string that starts at column " + (start + 1), "end of line");
        }

        i++;
        return new ScriptToken(ScriptTokenKind.String, line[start..i], at(start), text.ToString(), at(start));
    }
}

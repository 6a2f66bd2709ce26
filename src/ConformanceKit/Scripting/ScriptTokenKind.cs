namespace NetDma.ConformanceKit.Scripting;

/// <summary>The lexical classes of the script language (docs/script-language.md, "Lexical structure").</summary>
internal enum ScriptTokenKind
{
    /// <summary><c>[A-Za-z_][A-Za-z0-9_.-]*</c>: keywords, names, IRQL/status/rule spellings (a <c>-</c> before <c>&gt;</c> ends it).</summary>
    Word,

    /// <summary>A run of <c>[A-Za-z0-9_.]</c> starting with a digit; checked by <see cref="ScriptNumber"/> where a number is expected.</summary>
    Number,

    /// <summary><c>"..."</c> with <c>\"</c> and <c>\\</c> escapes.</summary>
    String,

    /// <summary><c>key=value</c> with no space on either side of <c>=</c>.</summary>
    Option,

    /// <summary><c>-&gt;</c> between a descriptor's source and destination.</summary>
    Arrow,

    /// <summary><c>+</c> between a buffer name and an offset.</summary>
    Plus,

    /// <summary><c>:</c> before a descriptor's length.</summary>
    Colon,

    /// <summary>Any other character; never valid, kept so the parser can say what it expected instead.</summary>
    Other,

    /// <summary>The end of the line, or the <c>#</c> of a trailing comment.</summary>
    EndOfLine,
}

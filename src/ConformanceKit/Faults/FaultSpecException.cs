namespace NetDma.ConformanceKit.Faults;

/// <summary>
/// The first error in a fault spec: where it is in the text (0-based), what the grammar expected and what it found.
/// The script parser turns it into a <see cref="Scripting.ScriptParseException"/> at file:line:column; the CLI into an
/// <c>--faults</c> error naming the position.
/// </summary>
public sealed class FaultSpecException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="position">0-based index of the offending character in the spec text.</param>
    /// <param name="expected">What the grammar expected there.</param>
    /// <param name="found">What the text has there.</param>
    /// <param name="hint">A suggestion, or null.</param>
    public FaultSpecException(int position, string expected, string found, string? hint = null)
        : base(hint is null ? $"expected {expected}, found {found}" : $"expected {expected}, found {found}; {hint}")
    {
        Position = position;
        Expected = expected;
        Found = found;
        Hint = hint;
    }

    /// <summary>0-based index of the offending character in the spec text.</summary>
    public int Position { get; }

    /// <summary>What the grammar expected at <see cref="Position"/>.</summary>
    public string Expected { get; }

    /// <summary>What the text has at <see cref="Position"/>.</summary>
    public string Found { get; }

    /// <summary>A suggestion (a near kind or parameter), or null.</summary>
    public string? Hint { get; }
}

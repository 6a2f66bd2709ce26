namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// Number literals: decimal (<c>4096</c>), hexadecimal (<c>0x1000</c>) and binary (<c>0b0110</c>), with <c>_</c>
/// allowed between two digits (<c>16_384</c>, <c>0b0000_0110</c>). Values are unsigned 64-bit.
/// </summary>
internal static class ScriptNumber
{
    /// <summary>How the literal forms are described in error messages.</summary>
    public const string Forms = "a number (decimal, 0x hex or 0b binary; '_' only between digits)";

    /// <summary>Outcome of <see cref="TryParse"/>.</summary>
    public enum Result
    {
        /// <summary>A well-formed literal that fits in 64 bits.</summary>
        Ok,

        /// <summary>Not a well-formed literal.</summary>
        Malformed,

        /// <summary>Well-formed but larger than <see cref="ulong.MaxValue"/>.</summary>
        Overflow,
    }

    /// <summary>Parses a literal.</summary>
    /// <param name="text">The token text.</param>
    /// <param name="value">The value when the result is <see cref="Result.Ok"/>.</param>
    public static Result TryParse(string text, out ulong value)
    {
        value = 0;
        var radix = 10u;
        var digits = text.AsSpan();
        if (text.Length > 2 && text[0] == '0' && text[1] is 'x' or 'X')
        {
            radix = 16;
            digits = digits[2..];
        }
        else if (text.Length > 2 && text[0] == '0' && text[1] is 'b' or 'B')
        {
            radix = 2;
            digits = digits[2..];
        }

        if (digits.IsEmpty || digits[0] == '_' || digits[^1] == '_')
        {
            return Result.Malformed;
        }

        var overflow = false;
        for (var k = 0; k < digits.Length; k++)
        {
            if (digits[k] == '_')
            {
                if (digits[k - 1] == '_')
                {
                    return Result.Malformed;
                }

                continue;
            }

            var digit = DigitValue(digits[k]);
            if (digit >= radix)
            {
                return Result.Malformed;
            }

            var next = (value * radix) + digit;
            if (value > (ulong.MaxValue - digit) / radix)
            {
                overflow = true;
            }

            value = next;
        }

        return overflow ? Result.Overflow : Result.Ok;
    }

    private static uint DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => (uint)(c - '0'),
        >= 'a' and <= 'f' => (uint)(c - 'a' + 10),
        >= 'A' and <= 'F' => (uint)(c - 'A' + 10),
        _ => uint.MaxValue,
    };
}

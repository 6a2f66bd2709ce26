using System.Text;

namespace NetDma.ConformanceKit.Tests.Reporting;

/// <summary>
/// Seeded random damage to a script, the kind a report must survive: control characters (NUL included) and
/// characters XML cannot hold inserted (anywhere, or inside a string or comment, where the script still parses and
/// runs), spans deleted, duplicated or swapped, random Unicode (beyond U+FFFF too), and raw bytes that are not UTF-8. Everything comes from the <see cref="Random"/> passed in, so a case seed replays
/// the same mutant.
/// </summary>
internal static class ScriptMutator
{
    private static readonly string[] Unwritable = ["\0", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u001B", "\u001F", "\uFFFE", "\uFFFF"];

    private static readonly string[] Tricky = ["\t", "\r", "\r\n", "\u007F", "\u0085", "\u00A0", "\u200B", "\u200F", "\u2028", "\u202E", "\uFEFF", "\uFFFD", "\"", "#", "=", "0x", "\\"];

    /// <summary>Byte sequences that are not UTF-8: a stray continuation byte, an overlong NUL, an encoded surrogate, 0xFF.</summary>
    private static readonly byte[][] NotUtf8 = [[0x80], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xFF], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]];

    /// <summary>1 to 3 mutations of <paramref name="script"/> (UTF-8 bytes); returns the mutant's bytes.</summary>
    public static byte[] Mutate(byte[] script, Random random)
    {
        var text = Encoding.UTF8.GetString(script);
        var byteMutations = new List<Func<byte[], byte[]>>();
        for (var count = random.Next(1, 4); count > 0; count--)
        {
            switch (random.Next(9))
            {
                case 8:
                    text = InsertIntoTextOrComment(text, random, random.Next(2) == 0 ? Unwritable[random.Next(Unwritable.Length)] : RandomUnicode(random));
                    break;
                case 0:
                    text = Insert(text, random, Unwritable[random.Next(Unwritable.Length)]);
                    break;
                case 1:
                    text = Insert(text, random, Tricky[random.Next(Tricky.Length)]);
                    break;
                case 2:
                    text = Insert(text, random, RandomUnicode(random));
                    break;
                case 3:
                    text = Delete(text, random);
                    break;
                case 4:
                    text = Duplicate(text, random);
                    break;
                case 5:
                    text = Swap(text, random);
                    break;
                case 6:
                    var bytes = NotUtf8[random.Next(NotUtf8.Length)];
                    var at = random.NextDouble();
                    byteMutations.Add(b => InsertBytes(b, (int)(at * b.Length), bytes));
                    break;
                default:
                    var position = random.NextDouble();
                    var value = (byte)random.Next(256);
                    byteMutations.Add(b => ReplaceByte(b, (int)(position * b.Length), value));
                    break;
            }
        }

        // Lone surrogates the text mutations made are encoded as U+FFFD here, as any file writer would.
        var mutant = Encoding.UTF8.GetBytes(text);
        return byteMutations.Aggregate(mutant, (current, mutation) => mutation(current));
    }

    /// <summary>A script file name with characters a URI must escape or XML cannot hold, where this OS allows them in a name.</summary>
    public static string FileName(Random random, int index)
    {
        string[] parts = ["mutant", " ", "#", "%", "ü", "\u540D", "\U0001F600", "&", "<", "'", "\u0001", "\u001F", ":", "?", "+"];
        var invalid = Path.GetInvalidFileNameChars();
        var name = new StringBuilder($"{index:D6}-");
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            var part = parts[random.Next(parts.Length)];
            if (part.IndexOfAny(invalid) < 0)
            {
                name.Append(part);
            }
        }

        return name.Append(".ndma").ToString();
    }

    private static string Insert(string text, Random random, string inserted) => text.Insert(random.Next(text.Length + 1), inserted);

    /// <summary>Inserts right after a '"' or '#', i.e. into a title string or a comment (or just after a closing quote).</summary>
    private static string InsertIntoTextOrComment(string text, Random random, string inserted)
    {
        var anchors = Enumerable.Range(0, text.Length).Where(i => text[i] is '"' or '#').ToList();
        return anchors.Count == 0 ? Insert(text, random, inserted) : text.Insert(anchors[random.Next(anchors.Count)] + 1, inserted);
    }

    private static string Delete(string text, Random random)
    {
        var (start, length) = Span(text, random);
        return text.Remove(start, length);
    }

    private static string Duplicate(string text, Random random)
    {
        var (start, length) = Span(text, random);
        return text.Insert(start, text.Substring(start, length));
    }

    private static string Swap(string text, Random random)
    {
        var (first, firstLength) = Span(text, random);
        var (second, secondLength) = Span(text, random);
        if (second < first)
        {
            (first, firstLength, second, secondLength) = (second, secondLength, first, firstLength);
        }

        if (first + firstLength > second)
        {
            return text;
        }

        return string.Concat(text.AsSpan(0, first), text.AsSpan(second, secondLength), text.AsSpan(first + firstLength, second - first - firstLength))
            + string.Concat(text.AsSpan(first, firstLength), text.AsSpan(second + secondLength));
    }

    /// <summary>A span of up to 40 characters, so a mutant stays close enough to a script to run past its first lines.</summary>
    private static (int Start, int Length) Span(string text, Random random)
    {
        var start = random.Next(text.Length + 1);
        return (start, random.Next(Math.Min(40, text.Length - start) + 1));
    }

    private static string RandomUnicode(Random random) => random.Next(4) switch
    {
        0 => char.ConvertFromUtf32(random.Next(0x10000, 0x110000)),
        1 => ((char)random.Next(0xD800, 0xE000)).ToString(),
        2 => ((char)random.Next(0x0300, 0x0370)).ToString(),
        _ => ((char)random.Next(0x00A0, 0xD800)).ToString(),
    };

    private static byte[] InsertBytes(byte[] bytes, int at, byte[] inserted) => [.. bytes.AsSpan(0, at), .. inserted, .. bytes.AsSpan(at)];

    private static byte[] ReplaceByte(byte[] bytes, int at, byte value)
    {
        if (bytes.Length == 0)
        {
            return [value];
        }

        var copy = (byte[])bytes.Clone();
        copy[Math.Min(at, copy.Length - 1)] = value;
        return copy;
    }
}

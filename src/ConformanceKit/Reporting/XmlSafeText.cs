using System.Globalization;
using System.Text;
using System.Xml;

namespace NetDma.ConformanceKit.Reporting;

/// <summary>
/// Makes any text storable in an XML 1.0 document. Script names, check messages and provider exception messages can
/// hold characters XML 1.0 has no way to write, not even as a character reference: NUL and the other C0 controls
/// except tab, LF and CR, lone UTF-16 surrogates, U+FFFE and U+FFFF. An XML writer throws on them and a reader rejects
/// the file, so each is replaced by the visible escape <c>\uXXXX</c> (four upper-case hex digits) that a person can
/// still read in the report. Every writer that emits XML passes its text through <see cref="Escape"/>.
/// </summary>
public static class XmlSafeText
{
    /// <summary>
    /// <paramref name="text"/> with every character XML 1.0 cannot hold replaced by <c>\uXXXX</c>; text that needs no
    /// change is returned as it is. Surrogate pairs (characters above U+FFFF) are kept.
    /// </summary>
    /// <param name="text">Any string, including one that is not well-formed UTF-16.</param>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = FirstUnwritable(text);
        if (first < 0)
        {
            return text;
        }

        var safe = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (IsPairAt(text, i))
            {
                safe.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                safe.Append(c);
            }
            else
            {
                safe.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return safe.ToString();
    }

    private static int FirstUnwritable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPairAt(text, i))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsPairAt(string text, int index) =>
        index + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[index + 1], text[index]);
}

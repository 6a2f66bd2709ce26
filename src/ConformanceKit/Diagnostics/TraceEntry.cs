using System.Text;

namespace NetDma.ConformanceKit.Diagnostics;

/// <summary>
/// One call-trace entry as values: a constant template (<c>{0} system -&gt; {1}({*})</c>) whose <c>{0}</c>..<c>{2}</c>
/// stand for where the call ran, the routine and what it returned, and whose <c>{*}</c> stands for the call's
/// <see cref="TraceArguments"/>. Recording one copies a few words into the trace's ring and allocates nothing; the text
/// (<c>cpu0 DISPATCH_LEVEL system -&gt; ProviderAppendDma(ch0, 0x00000001000219C0, DescriptorCount=1)</c>) is made by
/// <see cref="ToString"/> only when a report, a violation, a hang or an observer that needs text quotes it.
/// </summary>
/// <param name="Template">The entry with <c>{0}</c>..<c>{2}</c> and at most one <c>{*}</c>; no other braces.</param>
/// <param name="First">The value of <c>{0}</c> (by convention where the call ran: <see cref="TraceValue.Processor"/>).</param>
/// <param name="Second">The value of <c>{1}</c>.</param>
/// <param name="Third">The value of <c>{2}</c>.</param>
/// <param name="Arguments">What <c>{*}</c> stands for.</param>
public readonly struct TraceEntry(string Template, TraceValue First = default, TraceValue Second = default, TraceValue Third = default, TraceArguments Arguments = default)
{
    /// <summary>The entry with <c>{0}</c>..<c>{2}</c> and at most one <c>{*}</c>.</summary>
    public string Template { get; } = Template;

    /// <summary>The value of <c>{0}</c>.</summary>
    public TraceValue First { get; } = First;

    /// <summary>The value of <c>{1}</c>.</summary>
    public TraceValue Second { get; } = Second;

    /// <summary>The value of <c>{2}</c>.</summary>
    public TraceValue Third { get; } = Third;

    /// <summary>What <c>{*}</c> stands for.</summary>
    public TraceArguments Arguments { get; } = Arguments;

    /// <summary>A text converts to an entry that is just that text (for entries too rare to be worth the values).</summary>
    public static implicit operator TraceEntry(string text) => new("{0}", text);

    /// <summary>The entry's trace text, exactly as the trace shows it.</summary>
    public override string ToString() => Template is null ? string.Empty : Substitute(Template, First, Second, Third, Arguments);

    /// <summary>
    /// <paramref name="template"/> with each <c>{0}</c>..<c>{2}</c> replaced by its value's text and <c>{*}</c> by the
    /// argument list's; the values' own text is not scanned again, so braces inside it stay as they are.
    /// </summary>
    internal static string Substitute(string template, TraceValue first, TraceValue second, TraceValue third, TraceArguments arguments)
    {
        var text = new StringBuilder(template.Length + 48);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{' && i + 2 < template.Length && template[i + 2] == '}')
            {
                var slot = template[i + 1];
                if (slot is '0' or '1' or '2' or '*')
                {
                    text.Append(slot switch
                    {
                        '0' => first.ToString(),
                        '1' => second.ToString(),
                        '2' => third.ToString(),
                        _ => arguments.Template is null ? string.Empty : arguments.ToString(),
                    });
                    i += 2;
                    continue;
                }
            }

            text.Append(template[i]);
        }

        return text.ToString();
    }
}

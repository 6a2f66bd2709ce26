using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Tests.Scripting;

/// <summary>Helpers shared by the script-language tests: parse under the file name <c>t.ndma</c>, and common preludes.</summary>
internal static class ScriptText
{
    public const string FileName = "t.ndma";

    /// <summary>A started NetDMA provider with two 4 KiB buffers (src, dst) and one chain (c1).</summary>
    public const string Prelude =
        "add_device\n" +
        "start_device\n" +
        "buffer src 4096 fill=pattern\n" +
        "buffer dst 4096\n" +
        "chain c1 src+0->dst+0:512\n";

    /// <summary>A started WDM driver (3 lines).</summary>
    public const string WdmPrelude = "driver wdm\nadd_device\nstart_device\n";

    /// <summary><see cref="Prelude"/> plus channel ch0 allocated and started with c1.</summary>
    public const string WithChannel = Prelude + "allocate ch0 mask=0b0110\nstart ch0 c1\n";

    public static Script Parse(string text) => ScriptParser.Parse(text, FileName);

    public static ScriptParseException Error(string text) => Assert.Throws<ScriptParseException>(() => Parse(text));

    /// <summary>The last command of <paramref name="text"/>, which must be of type <typeparamref name="T"/>.</summary>
    public static T Last<T>(string text)
        where T : ScriptCommand => Assert.IsType<T>(Parse(text).Commands[^1]);

    /// <summary>The 1-based line number the next line appended to <paramref name="prefix"/> will have.</summary>
    public static int NextLine(string prefix) => prefix.Count(c => c == '\n') + 1;
}

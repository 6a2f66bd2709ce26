using System.CommandLine;

namespace NetDma.ConformanceKit.Cli;

/// <summary>The <c>--format</c> option of the catalog commands (<c>rules</c>, <c>requirements</c>): a table for people, JSON for tools.</summary>
public static class CatalogFormat
{
    /// <summary>A table on the console (the default).</summary>
    public const string Table = "table";

    /// <summary>Indented JSON on standard output, in the shape the command's help names.</summary>
    public const string Json = "json";

    /// <summary>The option, accepting only <see cref="Table"/> and <see cref="Json"/>.</summary>
    public static Option<string> CreateOption()
    {
        var option = new Option<string>("--format")
        {
            Description = "Output format: table (default) or json.",
            DefaultValueFactory = _ => Table,
        };
        option.AcceptOnlyFromAmong(Table, Json);
        return option;
    }

    /// <summary>Writes JSON produced by <paramref name="write"/> to the console's raw output (no markup, no wrapping).</summary>
    public static void WriteJson(KitConsole console, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        write(buffer);
        var output = console.Out.Profile.Out.Writer;
        output.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        output.Flush();
    }
}

using Spectre.Console;

namespace NetDma.ConformanceKit.Cli;

/// <summary>
/// Builds the consoles <c>netdma-kit</c> writes through, from the facts of a <see cref="ConsoleEnvironment"/>:
/// <list type="bullet">
/// <item>a stream redirected to a file or pipe (a CI log) gets plain text: no ANSI escapes, no colour, and no line
/// breaks inserted by Spectre, so paths and <c>file:line:column</c> tokens stay whole however long they are;</item>
/// <item>a terminal gets Spectre's detected capabilities, without colour when <c>NO_COLOR</c> is set;</item>
/// <item>inside GitHub Actions failed checks are also written as workflow annotations on stdout.</item>
/// </list>
/// </summary>
public static class ConsoleFactory
{
    /// <summary>
    /// The width of a redirected console. Spectre wraps at 80 columns when it cannot ask a terminal; a log has no
    /// width, so this one is far beyond any path or message the kit writes.
    /// </summary>
    public const int RedirectedWidth = 1 << 20;

    /// <summary>The consoles of this process, on its stdout and stderr.</summary>
    public static KitConsole CreateForProcess(ConsoleEnvironment environment) => Create(environment, Console.Out, Console.Error);

    /// <summary>The consoles writing to <paramref name="output"/> (stdout) and <paramref name="error"/> (stderr).</summary>
    /// <param name="environment">Whether each stream is redirected, and the environment variables.</param>
    /// <param name="output">Where reports, help and annotations go.</param>
    /// <param name="error">Where error messages go.</param>
    public static KitConsole Create(ConsoleEnvironment environment, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new KitConsole(
            CreateConsole(output, environment.IsOutputRedirected, environment.NoColor),
            CreateConsole(error, environment.IsErrorRedirected, environment.NoColor),
            environment.GitHubActions ? new WorkflowAnnotations(output) : null);
    }

    /// <summary>One Spectre console on <paramref name="writer"/>.</summary>
    /// <param name="writer">The stream to write to.</param>
    /// <param name="redirected">True when the stream is a file or pipe: plain text, unwrapped.</param>
    /// <param name="noColor">True to turn colour off on a terminal too.</param>
    public static IAnsiConsole CreateConsole(TextWriter writer, bool redirected, bool noColor)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected || noColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,

            // The kit never prompts, so nothing waits for a key in CI.
            Interactive = InteractionSupport.No,

            // Spectre's CI enrichers would switch ANSI back on for a redirected log (its GitHub one does when
            // GITHUB_ACTIONS=true); the facts above decide instead.
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        if (redirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}

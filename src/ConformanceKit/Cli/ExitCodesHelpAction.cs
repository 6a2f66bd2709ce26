using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace NetDma.ConformanceKit.Cli;

/// <summary>
/// The <c>--help</c> action of <c>netdma-kit</c>: System.CommandLine's help, then the <see cref="ExitCodes.Table"/>,
/// so the help of the root command and of every subcommand states the exit codes. The table goes after the help
/// rather than into the descriptions, which the root help would otherwise repeat in its command list.
/// </summary>
/// <param name="help">The built-in help action.</param>
public sealed class ExitCodesHelpAction(SynchronousCommandLineAction help) : SynchronousCommandLineAction
{
    private readonly SynchronousCommandLineAction _help = help ?? throw new ArgumentNullException(nameof(help));

    /// <summary>Replaces the action of <paramref name="root"/>'s help option (which its subcommands share) with this one.</summary>
    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var option = root.Options.OfType<HelpOption>().Single();
        if (option.Action is SynchronousCommandLineAction builtIn and not ExitCodesHelpAction)
        {
            option.Action = new ExitCodesHelpAction(builtIn);
        }
    }

    /// <inheritdoc/>
    public override bool ClearsParseErrors => _help.ClearsParseErrors;

    /// <inheritdoc/>
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var exit = _help.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine(ExitCodes.Table.Replace("\n", Environment.NewLine, StringComparison.Ordinal));
        output.WriteLine();
        return exit;
    }
}

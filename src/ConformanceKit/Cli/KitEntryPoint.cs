using System.CommandLine;
using System.CommandLine.Parsing;
using Spectre.Console;

namespace NetDma.ConformanceKit.Cli;

/// <summary>
/// Turns a command line into an exit code CI can trust (<see cref="ExitCodes"/>): a command line that does not parse
/// is reported as <c>error: …</c> lines and a hint on stderr and ends with <see cref="ExitCodes.BadUsage"/> (not
/// System.CommandLine's default 1, which would read as a conformance failure); an exception that escapes a command is
/// reported as <c>internal error: Type: message</c> on stderr, without a stack trace unless asked for, and ends with
/// <see cref="ExitCodes.InternalError"/>.
/// </summary>
public static class KitEntryPoint
{
    /// <summary>The executable's name, as the hints spell it.</summary>
    public const string ExecutableName = "netdma-kit";

    /// <summary>Parses <paramref name="args"/> against <paramref name="root"/> and runs the command they name.</summary>
    /// <param name="root">The command tree.</param>
    /// <param name="args">The command line, without the executable.</param>
    /// <param name="console">Where help, reports and errors go.</param>
    /// <param name="showStackTraces">True to add the stack trace to an internal error (<c>NETDMA_KIT_DEBUG=1</c>).</param>
    /// <returns>The process exit code.</returns>
    public static int Run(RootCommand root, IReadOnlyList<string> args, KitConsole console, bool showStackTraces)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                return ReportUsageErrors(parse, console);
            }

            return parse.Invoke(new InvocationConfiguration
            {
                Output = console.Out.Profile.Out.Writer,
                Error = console.Error.Profile.Out.Writer,

                // Exceptions come here, to be reported without a stack trace and with exit code 3.
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e)
        {
            return ReportInternalError(e, console, showStackTraces);
        }
    }

    private static int ReportUsageErrors(ParseResult parse, KitConsole console)
    {
        foreach (var error in parse.Errors)
        {
            console.WriteError(error.Message);
        }

        console.Error.WriteLine($"Run '{CommandPath(parse.CommandResult)} --help' for usage.");
        return ExitCodes.BadUsage;
    }

    private static int ReportInternalError(Exception e, KitConsole console, bool showStackTraces)
    {
        console.WriteInternalError($"{e.GetType().FullName}: {e.Message}");
        if (!showStackTraces)
        {
            console.Error.WriteLine($"Set {ConsoleEnvironment.DebugVariable}=1 to see the stack trace.");
            return ExitCodes.InternalError;
        }

        console.Error.WriteLine(e.StackTrace ?? "");
        if (e.InnerException is { } cause)
        {
            console.Error.WriteLine($"caused by: {cause}");
        }

        return ExitCodes.InternalError;
    }

    /// <summary>The words that name <paramref name="command"/> on the command line, e.g. <c>netdma-kit run</c>.</summary>
    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? result = command; result is CommandResult { Parent: not null } sub; result = result.Parent)
        {
            names.Add(sub.Command.Name);
        }

        names.Add(ExecutableName);
        names.Reverse();
        return string.Join(' ', names);
    }
}

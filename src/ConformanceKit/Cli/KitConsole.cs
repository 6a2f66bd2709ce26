using Spectre.Console;

namespace NetDma.ConformanceKit.Cli;

/// <summary>
/// Where a <c>netdma-kit</c> command writes: <see cref="Out"/> for its report (stdout), <see cref="Error"/> for error
/// messages (stderr), and <see cref="Annotations"/> for GitHub Actions workflow annotations when running in a workflow.
/// Built by <see cref="ConsoleFactory"/>.
/// </summary>
/// <param name="output">The report console (stdout).</param>
/// <param name="error">The error console (stderr).</param>
/// <param name="annotations">The workflow annotation writer, or null outside GitHub Actions.</param>
public sealed class KitConsole(IAnsiConsole output, IAnsiConsole error, WorkflowAnnotations? annotations)
{
    /// <summary>The report console (stdout).</summary>
    public IAnsiConsole Out { get; } = output ?? throw new ArgumentNullException(nameof(output));

    /// <summary>The error console (stderr).</summary>
    public IAnsiConsole Error { get; } = error ?? throw new ArgumentNullException(nameof(error));

    /// <summary>Writes workflow annotations (on stdout) inside GitHub Actions; null elsewhere.</summary>
    public WorkflowAnnotations? Annotations { get; } = annotations;

    /// <summary>Writes <c>error: message</c> to <see cref="Error"/>: a usage or input error (exit code 2).</summary>
    public void WriteError(string message) => Error.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");

    /// <summary>Writes <c>internal error: message</c> to <see cref="Error"/>: a fault of the kit (exit code 3).</summary>
    public void WriteInternalError(string message) => Error.MarkupLine($"[red]internal error:[/] {Markup.Escape(message)}");
}

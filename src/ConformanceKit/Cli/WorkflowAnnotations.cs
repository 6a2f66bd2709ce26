using System.Globalization;
using System.Text;
using NetDma.ConformanceKit.Running;

namespace NetDma.ConformanceKit.Cli;

/// <summary>
/// GitHub Actions workflow commands for the checks of a run: each failed check becomes an <c>::error</c> line and each
/// SHOULD-rule warning (step <see cref="ScriptExecutionSteps.Warning"/>) a <c>::warning</c> line, at the script line
/// of the check, so the workflow run lists them and shows them on the script. Written in addition to the report.
/// </summary>
/// <param name="writer">The step's stdout, where the runner reads workflow commands.</param>
public sealed class WorkflowAnnotations(TextWriter writer)
{
    private readonly TextWriter _writer = writer ?? throw new ArgumentNullException(nameof(writer));

    /// <summary>Writes one annotation per failed or warning check of <paramref name="script"/>.</summary>
    /// <param name="script">The script's result.</param>
    /// <param name="scriptPath">The script file, as the annotations name it; null to name no file.</param>
    public void Write(ScriptResult script, string? scriptPath)
    {
        ArgumentNullException.ThrowIfNull(script);
        Write(script.Checks, scriptPath);
    }

    /// <summary>Writes one annotation per failed or warning check of <paramref name="checks"/>.</summary>
    /// <param name="checks">Checks of one script.</param>
    /// <param name="scriptPath">The script file, as the annotations name it; null to name no file (and no line).</param>
    public void Write(IEnumerable<CheckResult> checks, string? scriptPath)
    {
        ArgumentNullException.ThrowIfNull(checks);
        foreach (var check in checks)
        {
            if (Format(check, scriptPath) is { } line)
            {
                _writer.WriteLine(line);
            }
        }

        _writer.Flush();
    }

    /// <summary>
    /// The workflow command for <paramref name="check"/>:
    /// <c>::error file=…,line=…,col=…,title=…::step: message</c> for a failed check, <c>::warning …</c> for a SHOULD
    /// warning, null for a check that passed. The title is the check's rule IDs, or its step when it has none.
    /// </summary>
    /// <param name="check">The check.</param>
    /// <param name="scriptPath">The script file; null leaves out file, line and column.</param>
    public static string? Format(CheckResult check, string? scriptPath)
    {
        ArgumentNullException.ThrowIfNull(check);
        var command = !check.Passed ? "error" : check.Step == ScriptExecutionSteps.Warning ? "warning" : null;
        if (command is null)
        {
            return null;
        }

        var line = new StringBuilder("::").Append(command).Append(' ');
        if (scriptPath is not null)
        {
            line.Append("file=").Append(EscapeProperty(scriptPath))
                .Append(",line=").Append(check.Location.Line.ToString(CultureInfo.InvariantCulture))
                .Append(",col=").Append(check.Location.Column.ToString(CultureInfo.InvariantCulture))
                .Append(',');
        }

        var title = check.RuleIds.Count > 0 ? string.Join(' ', check.RuleIds) : check.Step;
        line.Append("title=").Append(EscapeProperty(title))
            .Append("::").Append(EscapeData($"{check.Title}: {check.Message}"));
        return line.ToString();
    }

    /// <summary>Escapes a command's message, as the runner unescapes it: <c>%</c>, CR and LF.</summary>
    public static string EscapeData(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);
    }

    /// <summary>Escapes a property value (file, title): as <see cref="EscapeData"/>, and <c>:</c> and <c>,</c>, which delimit properties.</summary>
    public static string EscapeProperty(string value) =>
        EscapeData(value)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);
}

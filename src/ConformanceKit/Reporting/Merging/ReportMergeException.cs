namespace NetDma.ConformanceKit.Reporting.Merging;

/// <summary>
/// A report <c>netdma-kit merge</c> cannot read or cannot combine with the others: a missing file, a file that is not
/// JSON (the message gives its line and position), not a kit JSON report, one of another kit version, or reports of
/// different runs. The message is one line, naming the file, and the CLI prints it as it is (exit code 2).
/// </summary>
public sealed class ReportMergeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReportMergeException()
    {
    }

    /// <summary>Creates the exception with its one-line message.</summary>
    /// <param name="message">What is wrong, naming the file.</param>
    public ReportMergeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its one-line message and the error that caused it.</summary>
    /// <param name="message">What is wrong, naming the file.</param>
    /// <param name="innerException">The parser's or the file system's error.</param>
    public ReportMergeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

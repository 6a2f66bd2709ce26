namespace NetDma.ConformanceKit.Cli;

/// <summary>
/// The process exit codes of <c>netdma-kit</c>, the contract CI relies on. <see cref="Table"/> is the one description
/// of them: the root, <c>run</c> and <c>explore</c> help texts show it, and README.md repeats it.
/// </summary>
public static class ExitCodes
{
    /// <summary>Every script passed (<c>run</c>), every generated case passed (<c>explore</c>), or the command did its job.</summary>
    public const int Passed = 0;

    /// <summary>A conformance failure: a script failed, exploration found a failing case, or a merged report holds a failure.</summary>
    public const int ConformanceFailure = 1;

    /// <summary>
    /// Bad usage or input: any command-line parse error (unknown option or command, missing or unconvertible value),
    /// a value out of range, a missing file or folder, a provider assembly without a usable driver class.
    /// </summary>
    public const int BadUsage = 2;

    /// <summary>An internal error of the kit: an unexpected exception, or a worker process that could not be started.</summary>
    public const int InternalError = 3;

    /// <summary>The exit-code table as the help texts print it.</summary>
    public const string Table =
        "Exit codes:\n" +
        "  0  every script passed (run), every generated case passed (explore), every merged part passed (merge)\n" +
        "  1  a conformance failure: a script failed (run), a failing case was found (explore), a merged part failed (merge)\n" +
        "  2  bad usage or input: a parse error, a value out of range, a missing file or folder, no usable provider class\n" +
        "  3  an internal error of the kit: an unexpected exception, a worker process that could not be started";
}

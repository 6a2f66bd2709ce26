namespace NetDma.ConformanceKit.Isolation;

/// <summary>Describes how a worker process ended: its exit code and, on Unix, the signal behind a code above 128.</summary>
internal static class ProcessExit
{
    private static readonly Dictionary<int, string> Signals = new()
    {
        [1] = "SIGHUP", [2] = "SIGINT", [3] = "SIGQUIT", [4] = "SIGILL", [5] = "SIGTRAP", [6] = "SIGABRT", [7] = "SIGBUS",
        [8] = "SIGFPE", [9] = "SIGKILL", [11] = "SIGSEGV", [13] = "SIGPIPE", [15] = "SIGTERM",
    };

    /// <summary><c>exit code 3</c>, or <c>exit code 134 (SIGABRT)</c> for a process a signal ended.</summary>
    /// <param name="exitCode">The process's exit code as .NET reports it (128 + the signal number on Unix).</param>
    public static string Describe(int exitCode) =>
        !OperatingSystem.IsWindows() && exitCode > 128 && Signals.TryGetValue(exitCode - 128, out var signal)
            ? $"exit code {exitCode} ({signal})"
            : $"exit code {exitCode}";
}

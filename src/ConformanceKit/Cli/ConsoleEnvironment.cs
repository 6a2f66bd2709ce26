namespace NetDma.ConformanceKit.Cli;

/// <summary>
/// The facts about the process's surroundings that decide how <c>netdma-kit</c> writes: whether stdout and stderr go
/// to a terminal or to a file or pipe (a CI log), and the environment variables <c>NO_COLOR</c>,
/// <c>GITHUB_ACTIONS</c> and <c>NETDMA_KIT_DEBUG</c>. Read once by <see cref="FromProcess"/>; tests build one with
/// the facts they want to simulate.
/// </summary>
/// <param name="IsOutputRedirected">True when stdout is a file or pipe rather than a terminal.</param>
/// <param name="IsErrorRedirected">True when stderr is a file or pipe rather than a terminal.</param>
/// <param name="Variable">Looks up an environment variable; null when it is not set.</param>
public sealed record ConsoleEnvironment(bool IsOutputRedirected, bool IsErrorRedirected, Func<string, string?> Variable)
{
    /// <summary>The variable that turns colour off when set to any non-empty value (https://no-color.org).</summary>
    public const string NoColorVariable = "NO_COLOR";

    /// <summary>The variable GitHub Actions sets to <c>true</c> in every workflow step.</summary>
    public const string GitHubActionsVariable = "GITHUB_ACTIONS";

    /// <summary>The variable that, set to <c>1</c>, adds the stack trace to an internal error.</summary>
    public const string DebugVariable = "NETDMA_KIT_DEBUG";

    /// <summary>The facts of this process: its console streams and its environment variables.</summary>
    public static ConsoleEnvironment FromProcess() =>
        new(Console.IsOutputRedirected, Console.IsErrorRedirected, Environment.GetEnvironmentVariable);

    /// <summary>True when colour must be off even on a terminal: <c>NO_COLOR</c> is set and not empty.</summary>
    public bool NoColor => !string.IsNullOrEmpty(Variable(NoColorVariable));

    /// <summary>True inside a GitHub Actions step: failed checks are also written as workflow annotations.</summary>
    public bool GitHubActions => string.Equals(Variable(GitHubActionsVariable), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when an internal error should show its stack trace (<c>NETDMA_KIT_DEBUG=1</c>).</summary>
    public bool ShowStackTraces => Variable(DebugVariable) == "1";
}

namespace NetDma.ConformanceKit.Concurrency.Rewriting;

/// <summary>
/// Finds Coyote's rewriter, the <c>coyote</c> command of the dotnet tool Microsoft.Coyote.CLI
/// <see cref="ToolVersion"/> (the version of the Microsoft.Coyote runtime the kit is built with: rewritten code calls
/// that runtime, so the two must match). Looked up, in order: <see cref="EnvironmentVariable"/> (the command's path or
/// the folder holding it), a <c>.tools</c> folder in the working directory or any parent of it or of the kit's own
/// folder (where <c>.ci/run</c> installs it), then every folder on PATH.
/// </summary>
public static class CoyoteRewriterLocator
{
    /// <summary>The environment variable that may name the rewriter (the <c>coyote</c> command or its folder).</summary>
    public const string EnvironmentVariable = "NETDMA_COYOTE_REWRITER";

    /// <summary>The Microsoft.Coyote.CLI version that matches the kit's Coyote runtime.</summary>
    public const string ToolVersion = "1.7.11";

    /// <summary>The command that installs the rewriter where the kit finds it (the working directory's <c>.tools</c>).</summary>
    public const string InstallCommand = $"dotnet tool install Microsoft.Coyote.CLI --version {ToolVersion} --tool-path .tools";

    private static readonly string CommandName = OperatingSystem.IsWindows() ? "coyote.exe" : "coyote";

    /// <summary>The rewriter's path.</summary>
    /// <exception cref="RewriterMissingException">No rewriter was found (the message says how to install one).</exception>
    public static string Locate()
    {
        foreach (var candidate in Candidates())
        {
            if (File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        var named = Environment.GetEnvironmentVariable(EnvironmentVariable);
        throw new RewriterMissingException(
            "schedule exploration of a provider assembly rewrites a copy of it with Coyote's rewriter (Microsoft.Coyote.CLI "
            + $"{ToolVersion}), which was not found{(string.IsNullOrEmpty(named) ? "" : $" at {EnvironmentVariable}='{named}'")}; "
            + $"install it with `{InstallCommand}` (run where the kit runs, or set {EnvironmentVariable} to the coyote command), "
            + "or explore with --in-process and the bundled reference provider");
    }

    private static IEnumerable<string> Candidates()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } named)
        {
            yield return Directory.Exists(named) ? Path.Combine(named, CommandName) : named;
            yield break; // an explicit choice is never silently replaced by another rewriter
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                yield return Path.Combine(folder.FullName, ".tools", CommandName);
            }
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return Path.Combine(folder, CommandName);
        }
    }
}

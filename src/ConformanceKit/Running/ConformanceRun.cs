using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Running;

/// <summary>
/// A whole conformance run: finds the scripts (a file, or every <c>*.ndma</c> under a folder, in ordinal path order),
/// parses each, runs it against a fresh driver, and collects the results. A script that does not parse fails with its
/// file:line:column and what was expected; the other scripts still run.
/// </summary>
public static class ConformanceRun
{
    /// <summary>The default per-script watchdog: far above any correct script's run time.</summary>
    public static TimeSpan DefaultWatchdog { get; } = TimeSpan.FromSeconds(20);

    /// <summary>The script file extension.</summary>
    public const string ScriptExtension = ".ndma";

    /// <summary>
    /// The script files at <paramref name="path"/> (a file, or a folder searched recursively), in ordinal order of their
    /// display names, which are relative to the folder's parent (<c>conformance/05-copy.ndma</c>) or, for a single
    /// file, its file name.
    /// </summary>
    /// <exception cref="FileNotFoundException">Nothing exists at the path.</exception>
    public static IReadOnlyList<ScriptFile> FindScripts(string path)
    {
        if (File.Exists(path))
        {
            return [new ScriptFile(path, System.IO.Path.GetFileName(path))];
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"no script file or folder at '{path}'", path);
        }

        var root = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path).TrimEnd(System.IO.Path.DirectorySeparatorChar)) ?? path;
        return [.. Directory.EnumerateFiles(path, "*" + ScriptExtension, SearchOption.AllDirectories)
            .Select(file => new ScriptFile(file, System.IO.Path.GetRelativePath(root, file).Replace('\\', '/')))
            .OrderBy(file => file.DisplayName, StringComparer.Ordinal)];
    }

    /// <summary>Runs every script in <paramref name="scriptFiles"/> against <paramref name="factory"/> in this process.</summary>
    /// <param name="scriptFiles">The scripts, in run order.</param>
    /// <param name="factory">Creates a fresh driver per script.</param>
    /// <param name="watchdog">How long one script may run before it is declared hung (NDMA2003).</param>
    /// <param name="progress">Called after each script, e.g. to print it.</param>
    public static RunReport Run(IReadOnlyList<ScriptFile> scriptFiles, IDriverFactory factory, TimeSpan watchdog, Action<ScriptResult>? progress = null)
    {
        using var runner = new InProcessScriptRunner(factory, watchdog);
        return Run(scriptFiles, runner, progress);
    }

    /// <summary>Runs every script in <paramref name="scriptFiles"/> with <paramref name="runner"/>.</summary>
    /// <param name="scriptFiles">The scripts, in run order.</param>
    /// <param name="runner">Runs each script against a fresh driver (in this process or in a worker).</param>
    /// <param name="progress">Called after each script, e.g. to print it.</param>
    public static RunReport Run(IReadOnlyList<ScriptFile> scriptFiles, IScriptRunner runner, Action<ScriptResult>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(scriptFiles);
        ArgumentNullException.ThrowIfNull(runner);
        var start = DateTimeOffset.UtcNow;
        var results = new List<ScriptResult>(scriptFiles.Count);
        foreach (var file in scriptFiles)
        {
            ScriptResult result;
            try
            {
                result = runner.Run(ScriptParser.Parse(File.ReadAllText(file.Path), file.DisplayName));
            }
            catch (ScriptParseException error)
            {
                result = ScriptResult.NotParsed(file.DisplayName, error);
            }

            results.Add(result);
            progress?.Invoke(result);
        }

        return new RunReport(runner.DriverName, results) { StartTime = start, EndTime = DateTimeOffset.UtcNow };
    }
}

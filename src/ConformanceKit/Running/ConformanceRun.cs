using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Running;

/// <summary>
/// A whole conformance run: finds the scripts (a file, or every <c>*.ndma</c> under a folder, in ordinal path order),
/// parses each, runs it against a fresh driver, and collects the results. A script that does not parse fails with its
/// file:line:column and what was expected; the other scripts still run.
/// </summary>
public static class ConformanceRun
{
    /// <summary>The script file extension.</summary>
    public const string ScriptExtension = ".ndma";

    /// <summary>The script files at <paramref name="path"/> (a file, or a folder searched recursively), in ordinal order.</summary>
    /// <exception cref="FileNotFoundException">Nothing exists at the path.</exception>
    public static IReadOnlyList<string> FindScripts(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"no script file or folder at '{path}'", path);
        }

        return [.. Directory.EnumerateFiles(path, "*" + ScriptExtension, SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
    }

    /// <summary>Runs every script in <paramref name="scriptFiles"/> against <paramref name="factory"/>.</summary>
    /// <param name="scriptFiles">The scripts, in run order.</param>
    /// <param name="factory">Creates a fresh driver per script.</param>
    /// <param name="watchdog">How long one script may run before it is declared hung (NDMA2003).</param>
    /// <param name="progress">Called after each script, e.g. to print it.</param>
    public static RunReport Run(IReadOnlyList<string> scriptFiles, IDriverFactory factory, TimeSpan watchdog, Action<ScriptResult>? progress = null)
    {
        var runner = new ScriptRunner(factory, watchdog);
        var results = new List<ScriptResult>(scriptFiles.Count);
        foreach (var file in scriptFiles)
        {
            ScriptResult result;
            try
            {
                result = runner.Run(ScriptParser.ParseFile(file));
            }
            catch (ScriptParseException error)
            {
                result = new ScriptResult(file, Path.GetFileNameWithoutExtension(file), null, ScriptOutcome.Failed,
                    [new CheckResult(error.Location, "parse error", false, [], error.Message)], [], null);
            }

            results.Add(result);
            progress?.Invoke(result);
        }

        return new RunReport(factory.Name, results);
    }
}

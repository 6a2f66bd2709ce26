using NetDma.ConformanceKit.Cli;

namespace NetDma.ConformanceKit.Tests.Cli;

/// <summary>
/// The <c>run</c> command in process, with the consoles <see cref="ConsoleFactory"/> builds for a CI log: stdout and
/// stderr redirected to strings (so plain, unwrapped text), the environment variables the test gives and no others;
/// and a scratch folder for scripts and reports that is deleted afterwards.
/// </summary>
internal sealed class CliTestKit : IDisposable
{
    public static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(20);

    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();

    /// <param name="variables">The environment variables the consoles see, e.g. <c>GITHUB_ACTIONS=true</c>.</param>
    public CliTestKit(IReadOnlyDictionary<string, string>? variables = null)
    {
        var environment = new ConsoleEnvironment(IsOutputRedirected: true, IsErrorRedirected: true,
            name => variables is not null && variables.TryGetValue(name, out var value) ? value : null);
        Console = ConsoleFactory.Create(environment, _output, _errors);
        Folder = Directory.CreateTempSubdirectory("ndma-cli-").FullName;
    }

    public KitConsole Console { get; }

    /// <summary>A fresh scratch folder.</summary>
    public string Folder { get; }

    /// <summary>Everything the command printed on stdout.</summary>
    public string Output => _output.ToString();

    /// <summary>Everything the command printed on stderr.</summary>
    public string Errors => _errors.ToString();

    /// <summary>The test assembly: it holds the broken providers.</summary>
    public static string TestAssembly => typeof(BrokenProviders.CpuOutsideMaskProvider).Assembly.Location;

    /// <summary>Runs <c>run</c> and returns its exit code.</summary>
    public int Run(string scripts, string? provider = null, string? providerType = null, string? report = null, string? sarif = null) =>
        RunCommand.Execute(Console, provider is null ? null : new FileInfo(provider), providerType, scripts,
            report is null ? null : new FileInfo(report), sarif is null ? null : new FileInfo(sarif), Watchdog);

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in the scratch folder; returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Copies a bundled script (path) into the scratch folder.</summary>
    public void Copy(string bundledScript) => File.Copy(bundledScript, Path.Combine(Folder, Path.GetFileName(bundledScript)));

    public void Dispose()
    {
        _output.Dispose();
        _errors.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}

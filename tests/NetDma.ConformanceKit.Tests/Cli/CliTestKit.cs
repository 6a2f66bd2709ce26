using NetDma.ConformanceKit.Cli;
using Spectre.Console;

namespace NetDma.ConformanceKit.Tests.Cli;

/// <summary>
/// The <c>run</c> command in process: a Spectre console without colours or ANSI codes, 120 columns wide, writing to a
/// string, and a scratch folder for scripts and reports that is deleted afterwards.
/// </summary>
internal sealed class CliTestKit : IDisposable
{
    public static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(20);

    private readonly StringWriter _output = new();

    public CliTestKit()
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(_output),
            Interactive = InteractionSupport.No,
        });
        Console.Profile.Width = 120;
        Folder = Directory.CreateTempSubdirectory("ndma-cli-").FullName;
    }

    public IAnsiConsole Console { get; }

    /// <summary>A fresh scratch folder.</summary>
    public string Folder { get; }

    /// <summary>Everything the command printed.</summary>
    public string Output => _output.ToString();

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
        Directory.Delete(Folder, recursive: true);
    }
}
